"""The network map page: creation rules, the filters, the accessible list and pagination."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.factories import HomePageFactory, ProgrammePageFactory
from home.models import HomePage, ProgrammePage
from regions.factories import NetworkMapPageFactory, PartnerFactory, PartnershipFactory
from regions.models import FundingSource, NetworkMapPage, Partnership, Region, Sector, Theme

from .conftest import bulk_partnerships


class NetworkMapPageRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory()

    def setUp(self):
        self.login()

    def test_sits_only_under_the_home_page_without_children(self):
        self.assertAllowedParentPageTypes(NetworkMapPage, {HomePage})
        self.assertAllowedSubpageTypes(NetworkMapPage, set())
        self.assertCanCreateAt(HomePage, NetworkMapPage)
        self.assertCanNotCreateAt(ProgrammePage, NetworkMapPage)
        self.assertCanNotCreateAt(Page, NetworkMapPage)
        self.assertCanNotCreateAt(NetworkMapPage, ProgrammePage)

    def test_editor_creates_it_once(self):
        self.assertCanCreate(
            self.home,
            NetworkMapPage,
            {"title": "Netwerkkaart", "slug": "netwerkkaart", "intro": "Alle samenwerkingen."},
        )
        self.assertEqual(NetworkMapPage.max_count, 1)
        self.assertFalse(NetworkMapPage.can_create_at(self.home))

    def test_routes_render(self):
        page = NetworkMapPageFactory(parent=self.home)
        PartnershipFactory(slug="twentse-techniek")
        self.assertPageIsRoutable(page)
        self.assertPageIsRenderable(page)
        self.assertPageIsRoutable(page, "twentse-techniek/")
        self.assertPageIsRenderable(page, "twentse-techniek/")
        self.assertPageIsPreviewable(page)


def names_on(response):
    """The partnership names in the list, in order."""
    text = response.text
    start = text.index('id="resultaten"')
    return [
        chunk.split("</a>")[0].split(">")[-1]
        for chunk in text[start:].split('class="partnership-item__title"')[1:]
    ]


@pytest.mark.django_db
def test_list_shows_published_partnerships_with_count(client, map_page):
    PartnershipFactory(name="Techniekpact Twente")
    PartnershipFactory(name="Zorgcampus Zwolle", location="")
    PartnershipFactory(name="Concept in opbouw", live=False)
    response = client.get(map_page.url)
    assert response.status_code == 200
    assert names_on(response) == ["Techniekpact Twente", "Zorgcampus Zwolle"]
    assert "2 samenwerkingen gevonden" in response.text
    # Without a location it is listed, and says it is not on the map.
    assert response.text.count("Niet op de kaart") == 1
    assert "Concept in opbouw" not in response.text
    assert 'href="/netwerkkaart/' in response.text
    assert "data-network-map" in response.text
    assert 'data-geojson-url="/netwerkkaart/kaart.geojson"' in response.text


@pytest.fixture
def varied(map_page):
    """Three partnerships that differ in every filtered property."""
    twente = Region.objects.get(slug="twente")
    groningen = Region.objects.get(slug="groningen")
    ict, zorg = Sector.objects.get(slug="ict"), Sector.objects.get(slug="zorg-en-welzijn")
    innovatie = Theme.objects.get(slug="innovatie")
    rif = FundingSource.objects.order_by("name").first()
    first = PartnershipFactory(
        name="Digitale Delta Twente",
        region=twente,
        city="Enschede",
        kind=Partnership.Kind.CIV,
        status=Partnership.Status.ACTIVE,
        sectors=[ict],
        themes=[innovatie],
    )
    first.funding_sources.set([rif])
    first.save()  # parental many-to-many relations are written on save
    PartnershipFactory(
        name="Zorgacademie Noord",
        region=groningen,
        city="Groningen",
        kind=Partnership.Kind.COE,
        status=Partnership.Status.STARTING,
        sectors=[zorg],
    )
    third = PartnershipFactory(
        name="Campus Hengelo",
        region=twente,
        city="Hengelo",
        kind=Partnership.Kind.CAMPUS,
        status=Partnership.Status.SUSTAINABLE,
        sectors=[zorg],
    )
    PartnerFactory(partnership=third, organisation="Machinefabriek Stork")
    return {"rif": rif}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"regio": "twente"}, ["Campus Hengelo", "Digitale Delta Twente"]),
        ({"provincie": "groningen"}, ["Zorgacademie Noord"]),
        ({"soort": "coe"}, ["Zorgacademie Noord"]),
        ({"sector": "zorg-en-welzijn"}, ["Campus Hengelo", "Zorgacademie Noord"]),
        ({"thema": "innovatie"}, ["Digitale Delta Twente"]),
        ({"status": "sustainable"}, ["Campus Hengelo"]),
        ({"q": "zorgacademie"}, ["Zorgacademie Noord"]),
        ({"q": "Enschede"}, ["Digitale Delta Twente"]),  # city
        ({"q": "stork"}, ["Campus Hengelo"]),  # a partner's name
        ({"q": "groningen"}, ["Zorgacademie Noord"]),  # region
        ({"regio": "twente", "sector": "zorg-en-welzijn"}, ["Campus Hengelo"]),
        ({"provincie": "overijssel", "q": "twente"}, ["Campus Hengelo", "Digitale Delta Twente"]),
        ({"provincie": "groningen", "q": "twente"}, []),  # the region matches, not there
    ],
)
def test_each_filter_narrows_the_list(client, map_page, varied, query, expected):
    response = client.get(map_page.url, query)
    assert response.status_code == 200
    assert names_on(response) == expected
    assert "is genegeerd" not in response.text


@pytest.mark.django_db
def test_funding_filter(client, map_page, varied):
    response = client.get(map_page.url, {"financiering": varied["rif"].slug})
    assert names_on(response) == ["Digitale Delta Twente"]


@pytest.mark.django_db
def test_filters_keep_their_values_and_a_reset_link(client, map_page, varied):
    response = client.get(map_page.url, {"regio": "twente", "q": "campus"})
    assert '<option value="twente" selected>' in response.text
    assert 'value="campus"' in response.text
    assert "Alle filters wissen" in response.text
    # Open data links carry the same filters.
    assert "export.csv?q=campus&amp;regio=twente" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"regio": "bestaat-niet"},
        {"soort": "<script>alert(1)</script>"},
        {"status": "x" * 5000},
        {"sector": "\x00"},
        {"page": "abc"},
        {"page": "-3"},
        {"page": "99999"},
        {"page": "\x00"},
        {"q": "\x00samen\x00"},
        {"q": "é" * 3000},
        {"provincie": ["utrecht", "limburg"]},
        {"onbekend": "1"},
    ],
)
def test_nonsense_values_never_fail(client, map_page, varied, query):
    response = client.get(map_page.url, query)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "\x00" not in response.text


@pytest.mark.django_db
def test_unknown_filter_value_is_ignored_with_a_dutch_note(client, map_page, varied):
    response = client.get(map_page.url, {"regio": "bestaat-niet", "sector": "ict"})
    assert "Het filter ‘Arbeidsmarktregio’ had een onbekende waarde en is genegeerd." in (
        response.text
    )
    # The valid filter still applies; the form no longer shows the bad value.
    assert names_on(response) == ["Digitale Delta Twente"]
    assert "bestaat-niet" not in response.text
    assert "aria-invalid" not in response.text


@pytest.mark.django_db
def test_overlong_search_is_shortened_with_a_note(client, map_page, varied):
    response = client.get(map_page.url, {"q": "campus" + "x" * 300})
    assert "te lang" in response.text


@pytest.mark.django_db
def test_no_results_says_so(client, map_page, varied):
    response = client.get(map_page.url, {"q": "ruimtevaart"})
    assert "0 samenwerkingen gevonden" in response.text
    assert "Geen samenwerkingen gevonden" in response.text


@pytest.mark.django_db
def test_pagination_twenty_per_page_keeps_filters(client, map_page):
    bulk_partnerships(45)
    first = client.get(map_page.url)
    assert len(names_on(first)) == 20
    assert "45 samenwerkingen gevonden, pagina 1 van 3" in first.text
    assert 'href="?page=2"' in first.text
    last = client.get(map_page.url, {"page": "3"})
    assert names_on(last) == [f"Bulk samenwerking {i:05d}" for i in range(40, 45)]
    assert client.get(map_page.url, {"page": "abc"}).text.count("partnership-item__title") == 20
    # Too far: the last page rather than an error.
    assert names_on(client.get(map_page.url, {"page": "999"})) == names_on(last)
    filtered = client.get(map_page.url, {"q": "samenwerking", "page": "2"})
    assert 'href="?q=samenwerking&amp;page=3"' in filtered.text


@pytest.mark.django_db
def test_home_page_offers_the_map_page(home_page):
    assert NetworkMapPage in home_page.specific_class.allowed_subpage_models()
    programme = ProgrammePageFactory(parent=home_page)
    assert NetworkMapPage not in programme.specific_class.allowed_subpage_models()


@pytest.mark.django_db
def test_sitemap_lists_write_ups(client, map_page):
    PartnershipFactory(slug="in-de-sitemap")
    PartnershipFactory(slug="nog-concept", live=False)
    response = client.get("/sitemap-samenwerkingen.xml")
    assert "/netwerkkaart/in-de-sitemap/" in response.text
    assert "nog-concept" not in response.text
