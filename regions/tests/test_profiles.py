"""Region index and region profiles: page tree, list, map data, figures, downloads, links."""

import pytest
from django.core.exceptions import FieldDoesNotExist, ValidationError
from wagtail.models import Page

from core.factories import AccessibleDocumentFactory, PersonFactory
from core.models import AccessibleDocument
from home.models import HomePage
from regions import related
from regions.factories import (
    NetworkMapPageFactory,
    PartnershipFactory,
    RegionDownloadFactory,
    RegionFigureFactory,
    RegionIndexPageFactory,
    RegionProfilePageFactory,
)
from regions.models import (
    Region,
    RegionFigure,
    RegionIndexPage,
    RegionProfilePage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return RegionIndexPageFactory(parent=home_page)


@pytest.fixture
def twente(index):
    return RegionProfilePageFactory(
        parent=index, region=Region.objects.get(slug="twente"), intro="Maakindustrie."
    )


def test_page_tree_rules():
    assert RegionIndexPage.allowed_parent_page_models() == [HomePage]
    assert not RegionIndexPage.can_exist_under(Page.get_first_root_node())
    assert RegionIndexPage.max_count == 1
    assert RegionProfilePage.allowed_parent_page_models() == [RegionIndexPage]
    assert RegionIndexPage in HomePage.allowed_subpage_models()
    assert RegionProfilePage.allowed_subpage_models() == []


def test_one_profile_per_region(index, twente):
    with pytest.raises(ValidationError, match="Er bestaat al een Regioprofiel"):
        RegionProfilePageFactory(parent=index, region=twente.region, slug="twente-2")


def test_index_lists_every_region_grouped_by_province(client, twente):
    response = client.get("/regios/")
    assert response.status_code == 200
    provinces = response.context["provinces"]
    assert sum(len(regions) for _province, regions in provinces) == Region.objects.count() == 35
    assert [province.name for province, _ in provinces] == sorted(p.name for p, _ in provinces)
    html = response.text
    assert '<a href="/regios/twente/">Twente</a>' in html
    assert "nog geen profiel" in html  # regions without a profile are listed too
    assert 'href="/regios/kaart.geojson"' in html


def test_index_map_data_has_every_region_centre(client, twente):
    response = client.get("/regios/kaart.geojson")
    assert response["Content-Type"] == "application/geo+json"
    features = response.json()["features"]
    assert len(features) == 35
    by_name = {feature["properties"]["name"]: feature for feature in features}
    assert by_name["Twente"]["properties"]["url"] == "/regios/twente/"
    assert by_name["Groningen"]["properties"]["url"] == "/regios/#regio-groningen"
    region = Region.objects.get(slug="twente")
    assert by_name["Twente"]["geometry"]["coordinates"] == [region.longitude, region.latitude]


def test_profile_shows_figures_as_table_and_chart(client, twente):
    RegionFigureFactory(page=twente, indicator="Studenten mbo", value=27400, unit="studenten")
    RegionFigureFactory(page=twente, indicator="Techniek en ICT", value="31.5", unit="%")
    RegionFigureFactory(
        page=twente,
        topic=RegionFigure.Topic.LABOUR_MARKET,
        indicator="Vacatures per 100 werkzoekenden",
        value=142,
        unit="",
    )
    html = client.get("/regios/twente/").text
    assert "<caption" in html and "27.400 studenten" in html and "31,5%" in html
    assert html.count('<svg class="bar-chart"') == 3  # one per topic and unit
    assert 'role="img"' in html
    assert "Demogegevens" not in html


def test_profile_without_figures_says_so(client, twente):
    html = client.get("/regios/twente/").text
    assert "nog geen cijfers ingevoerd" in html


def test_demo_figures_are_marked(client, twente):
    RegionFigureFactory(page=twente, source="Demogegevens (verzonnen)")
    html = client.get("/regios/twente/").text
    assert "<strong>Demogegevens.</strong>" in html


def test_profile_lists_published_partnerships_of_its_region(client, home_page, twente):
    NetworkMapPageFactory(parent=home_page)
    region = twente.region
    PartnershipFactory(name="Techniek Twente", slug="techniek-twente", region=region)
    PartnershipFactory(name="Concept Twente", region=region, live=False)
    PartnershipFactory(name="Elders", region=Region.objects.get(slug="groningen"))
    html = client.get("/regios/twente/").text
    assert '<a href="/netwerkkaart/techniek-twente/">Techniek Twente</a>' in html
    assert "Concept Twente" not in html and "Elders" not in html
    assert 'data-geojson-url="/netwerkkaart/kaart.geojson?regio=twente"' in html


def test_profile_downloads_warn_when_not_accessible(client, settings, tmp_path, twente):
    settings.MEDIA_ROOT = tmp_path
    RegionDownloadFactory(
        page=twente,
        document__title="Regioprofiel Twente",
        document__accessible_alternative_page=twente,
    )
    html = client.get("/regios/twente/").text
    assert "Regioprofiel Twente" in html
    assert "mogelijk niet digitaal toegankelijk" in html
    assert 'href="/regios/twente/">Bekijk de toegankelijke versie' in html


def test_profile_shows_contact_person(client, twente):
    twente.contact_person = PersonFactory(name="Ilse Bakker", phone="053 123 45 67")
    twente.save()
    html = client.get("/regios/twente/").text
    assert "Ilse Bakker" in html and 'href="tel:0531234567"' in html


def test_profile_lists_cases_and_news_of_the_region(client, home_page, twente):
    from cases.factories import CaseIndexPageFactory, CasePageFactory
    from news.factories import NewsIndexPageFactory, NewsPageFactory

    partnership = PartnershipFactory(region=twente.region)
    elsewhere = PartnershipFactory(region=Region.objects.get(slug="groningen"))
    cases = CaseIndexPageFactory(parent=home_page)
    CasePageFactory(parent=cases, title="Case uit Twente", partnership=partnership)
    CasePageFactory(parent=cases, title="Case uit Groningen", partnership=elsewhere)
    news_index = NewsIndexPageFactory(parent=home_page)
    item = NewsPageFactory(parent=news_index, title="Nieuws uit Twente")
    item.regions.set([twente.region])
    item.save()
    html = client.get("/regios/twente/").text
    assert "Case uit Twente" in html and "Case uit Groningen" not in html
    assert "Nieuws uit Twente" in html


def test_an_app_that_registered_nothing_lists_nothing(home_page, twente, monkeypatch):
    from cases.factories import CaseIndexPageFactory, CasePageFactory

    cases = CaseIndexPageFactory(parent=home_page)
    case = CasePageFactory(parent=cases, partnership=PartnershipFactory(region=twente.region))
    assert related.pages_about_region("cases", twente.region_id) == [case]
    assert related.pages_about_partnership("cases", case.partnership) == [case]
    monkeypatch.delitem(related.SOURCES, "cases")
    assert related.pages_about_region("cases", twente.region_id) == []
    assert related.pages_about_partnership("cases", case.partnership) == []


def test_a_lookup_that_names_no_field_fails_at_registration():
    from cases.models import CasePage
    from news.models import NewsPage

    with pytest.raises(FieldDoesNotExist):
        related.register("nieuws", NewsPage, region="regio")
    with pytest.raises(FieldDoesNotExist):
        related.register("nieuws", CasePage, region="partnership__regio")
    with pytest.raises(FieldDoesNotExist):
        related.register("nieuws", CasePage, region="subtitle__region")
    assert "nieuws" not in related.SOURCES


def test_demo_profiles(client, demo_site):
    profiles = RegionProfilePage.objects.live()
    assert profiles.count() >= 6
    for profile in profiles:
        assert profile.figures.count() >= 5
        assert all(f.source.startswith("Demogegevens") for f in profile.figures.all())
    html = client.get("/regios/twente/").text
    assert "<strong>Demogegevens.</strong>" in html
    assert "mogelijk niet digitaal toegankelijk" in html
    document = AccessibleDocument.objects.get(title="Regioprofiel Twente (demo)")
    assert document.file.read(5) == b"%PDF-"
    assert Page.objects.get(slug="regios").specific_class is RegionIndexPage


def test_valid_html(client, demo_site, assert_valid_html):
    assert_valid_html(
        {
            "regios": client.get("/regios/").text,
            "regioprofiel": client.get("/regios/twente/").text,
            "regioprofiel-zeeland": client.get("/regios/zeeland/").text,
        }
    )


def test_editor_creates_a_profile_with_figures_and_a_download(
    admin_client, index, settings, tmp_path
):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    settings.MEDIA_ROOT = tmp_path
    document = AccessibleDocumentFactory(title="Profiel")
    region = Region.objects.get(slug="zeeland")
    data = nested_form_data(
        {
            "title": "Zeeland",
            "slug": "zeeland",
            "region": region.pk,
            "intro": "Procesindustrie en havens.",
            "figures": inline_formset(
                [
                    {
                        "topic": "onderwijs",
                        "indicator": "Studenten mbo",
                        "value": "9800",
                        "unit": "studenten",
                        "year": "2024",
                        "source": "CBS",
                    }
                ]
            ),
            "downloads": inline_formset([{"document": document.pk}]),
            "action-publish": "publish",
        }
    )
    url = f"/admin/pages/add/regions/regionprofilepage/{index.pk}/"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    profile = RegionProfilePage.objects.get(region=region)
    assert profile.live and profile.figures.get().value == 9800
    assert profile.downloads.get().document == document
