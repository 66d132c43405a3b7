"""'Het netwerk in beeld': placement, numbers, gaps, SME reach, filters, CSV, privacy, queries."""

import csv
import io
from decimal import Decimal

import pytest
from wagtail.models import Page

from home.factories import ProgrammePageFactory
from home.models import HomePage, ProgrammePage
from regions.factories import (
    ConversationFactory,
    NetworkMonitorPageFactory,
    PartnershipFactory,
    RegionFigureFactory,
    RegionIndexPageFactory,
    RegionProfilePageFactory,
)
from regions.models import NetworkMapPage, NetworkMonitorPage, Region, Theme
from regions.regionmap import MKB_REACH

from .conftest import bulk_partnerships, count_queries

URL = "/programma/netwerk-in-beeld/"
CSV_URL = "/programma/netwerk-in-beeld/cijfers.csv"
# Routing and frame 12 (the page is one level deeper than a section index), then the
# province choices, regions, themes, region × theme counts, region sums, SME figures.
MONITOR_QUERIES = 18


@pytest.fixture
def monitor_page(home_page):
    programme = ProgrammePageFactory(parent=home_page, title="Programma", slug="programma")
    return NetworkMonitorPageFactory(parent=programme)


def theme(slug):
    return Theme.objects.get(slug=slug)


def csv_table(client, query=None):
    response = client.get(CSV_URL, query or {})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    header, *rows = csv.reader(io.StringIO(text[1:]))
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.mark.django_db
def test_placed_under_a_programme_page_only(home_page):
    assert NetworkMonitorPage.allowed_parent_page_models() == [ProgrammePage]
    assert NetworkMonitorPage.can_create_at(ProgrammePageFactory(parent=home_page))
    assert not NetworkMonitorPage.can_create_at(home_page)
    assert NetworkMonitorPage.allowed_subpage_models() == []
    assert not NetworkMonitorPage.can_exist_under(Page.objects.get(depth=1))
    assert HomePage not in NetworkMonitorPage.allowed_parent_page_models()
    assert NetworkMapPage not in NetworkMonitorPage.allowed_parent_page_models()


@pytest.mark.django_db
def test_region_theme_table_counts_published_only(client, monitor_page):
    twente = Region.objects.get(slug="twente")
    innovatie = theme("innovatie")
    published = PartnershipFactory(region=twente, themes=[innovatie], companies_count=40)
    ConversationFactory(partnership=published, summary="Intern-monitor-3371")
    PartnershipFactory(
        name="Concept-monitor-3372",
        region=twente,
        themes=[innovatie],
        live=False,
        companies_count=999,
    )
    rows = {row["regio"]: row for row in csv_table(client)}
    assert rows["Twente"]["samenwerkingen"] == "1"  # the draft does not count
    assert rows["Twente"]["thema: Innovatie"] == "1"
    assert rows["Twente"]["bedrijven"] == "40"
    assert rows["Twente"]["studenten"] == "300"
    assert rows["Groningen"]["samenwerkingen"] == "0"
    text = client.get(URL).text
    for marker in ("Intern-monitor-3371", "Concept-monitor-3372"):
        assert marker not in text
    assert "<td>40</td>" in text  # the companies of Twente in the reach table, not 1.039
    # Positive control: the draft, once published, counts.
    PartnershipFactory(region=twente, themes=[innovatie], companies_count=7)
    assert {r["regio"]: r for r in csv_table(client)}["Twente"]["bedrijven"] == "47"


@pytest.mark.django_db
def test_gaps_in_the_neglected_themes_are_marked(client, monitor_page):
    twente = Region.objects.get(slug="twente")
    PartnershipFactory(region=twente, themes=[theme("leven-lang-ontwikkelen-en-omscholing")])
    text = client.get(URL).text
    regions = Region.objects.count()
    assert "<strong>Leven lang ontwikkelen en omscholing</strong>: in " + str(regions - 1) in text
    assert "<strong>Diversiteit en vrouwen in ICT</strong>: in " + str(regions) in text
    # Two neglected columns, one filled cell: every other cell of them says "geen".
    assert text.count('<td class="monitor-gap">geen</td>') == 2 * regions - 1


@pytest.mark.django_db
def test_sme_reach_from_live_profiles_against_the_ambition(client, monitor_page, home_page):
    index = RegionIndexPageFactory(parent=home_page)
    twente = RegionProfilePageFactory(parent=index, region=Region.objects.get(slug="twente"))
    RegionFigureFactory(
        page=twente,
        indicator=MKB_REACH,
        value=Decimal(4),
        unit="%",
        year=2023,
        source="Demogegevens (verzonnen)",
    )
    RegionFigureFactory(
        page=twente,
        indicator=MKB_REACH,
        value=Decimal("5.5"),
        unit="%",
        year=2024,
        source="Demogegevens (verzonnen)",
    )
    hidden = RegionProfilePageFactory(
        parent=index, region=Region.objects.get(slug="zeeland"), live=False
    )
    RegionFigureFactory(page=hidden, indicator=MKB_REACH, value=Decimal(30), unit="%")
    rows = {row["regio"]: row for row in csv_table(client)}
    assert rows["Twente"]["mkb-bereik (%)"] == "5.50"  # the newest year
    assert rows["Twente"]["mkb-bereik jaar"] == "2024"
    assert rows["Twente"]["mkb-bereik demogegevens"] == "ja"
    assert rows["Zeeland"]["mkb-bereik (%)"] == ""  # an unpublished profile is unknown
    text = client.get(URL).text
    assert "Demogegevens." in text
    assert "5,5% (2024), demo" in text
    assert "ambitie 15–25%" in text  # the band in the chart
    assert "<td>onder</td>" in text


@pytest.mark.django_db
def test_filters_by_province_and_kind(client, monitor_page):
    twente = Region.objects.get(slug="twente")
    PartnershipFactory(region=twente, kind="coe")
    PartnershipFactory(region=twente, kind="civ")
    rows = csv_table(client, {"provincie": "overijssel", "soort": "coe"})
    assert {row["provincie"] for row in rows} == {"Overijssel"}
    assert {r["regio"]: r for r in rows}["Twente"]["samenwerkingen"] == "1"
    text = client.get(URL, {"provincie": "overijssel", "soort": "coe"}).text
    assert (
        'href="/programma/netwerk-in-beeld/cijfers.csv?provincie=overijssel&amp;soort=coe"' in text
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", [{"provincie": "atlantis"}, {"soort": "<script>"}, {"provincie": "\x00"}]
)
def test_bad_filter_values_are_ignored_with_a_note(client, monitor_page, query):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert "had een onbekende waarde en is genegeerd" in response.text
    assert "<script>" not in response.text
    assert len(csv_table(client, query)) == Region.objects.count()


@pytest.mark.django_db
def test_csv_is_formula_safe(client, monitor_page):
    Region.objects.filter(slug="twente").update(name='=HYPERLINK("https://example.com")')
    names = [row["regio"] for row in csv_table(client)]
    assert '\'=HYPERLINK("https://example.com")' in names


@pytest.mark.django_db
def test_linked_from_home_and_region_profiles(client, monitor_page, home_page):
    PartnershipFactory()
    assert f'href="{URL}"' in client.get("/").text
    index = RegionIndexPageFactory(parent=home_page)
    RegionProfilePageFactory(parent=index, region=Region.objects.get(slug="twente"))
    PartnershipFactory(region=Region.objects.get(slug="twente"))
    assert f'href="{URL}?provincie=overijssel"' in client.get("/regios/twente/").text


@pytest.mark.django_db
def test_queries_pinned_and_flat(client, monitor_page):
    client.get(URL)
    bulk_partnerships(10, prefix="few")
    few = count_queries(client, URL)
    bulk_partnerships(990, prefix="many")
    many = count_queries(client, URL)
    assert few == many == MONITOR_QUERIES


@pytest.mark.django_db
def test_demo_monitor_and_similar_list_are_valid_html(client, demo_site, assert_valid_html):
    monitor = NetworkMonitorPage.objects.live().get()
    assert monitor.get_parent().specific_class is ProgrammePage
    text = client.get(monitor.url).text
    assert "<strong>Demogegevens.</strong>" in text
    assert 'class="monitor-gap"' in text  # the demo has regions without the neglected themes
    assert f'href="{monitor.url}"' in client.get("/").text
    writeups = (client.get(f"/netwerkkaart/{slug}/").text for slug in demo_slugs())
    with_similar = next(html for html in writeups if "Vergelijkbare samenwerkingen" in html)
    csv_rows = csv.reader(io.StringIO(client.get(f"{monitor.url}cijfers.csv").text[1:]))
    assert any(row[-1] == "ja" for row in csv_rows)  # demo figures are marked in the CSV
    assert_valid_html({"netwerk-in-beeld": text, "beschrijving": with_similar})


def demo_slugs():
    from regions.models import Partnership

    return Partnership.objects.published().order_by("pk").values_list("slug", flat=True)


def test_reach_chart_draws_known_values_against_the_band():
    from regions.charts import Bar, reach_chart_svg

    svg = reach_chart_svg(
        "Bereik", [Bar("Twente", Decimal("5.5"), "%"), Bar("Zeeland", None, "%")], (15, 25), "g"
    )
    assert (
        '<desc id="g-beschrijving">Ambitie 15 tot 25%. Twente: 5,5%; 1 regio’s onbekend</desc>'
        in svg
    )
    assert svg.count('class="bar-chart__bar"') == 1  # Zeeland is in the table, not drawn
    assert "ambitie 15–25%" in svg
    empty = reach_chart_svg("Bereik", [Bar("Zeeland", None, "%")], (15, 25), "h")
    assert "Nog geen cijfers" in empty and 'class="bar-chart__bar"' not in empty
