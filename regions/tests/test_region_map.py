"""The region outlines and the coloured map of /regios/ (server-drawn SVG, with its table)."""

import gzip
import os
import re
import subprocess
import sys
from decimal import Decimal

import pytest

from regions import boundaries
from regions.choropleth import Area, choropleth_svg, locator_svg, steps
from regions.factories import (
    NetworkMapPageFactory,
    PartnershipFactory,
    RegionFigureFactory,
    RegionIndexPageFactory,
    RegionProfilePageFactory,
)
from regions.models import Province, Region
from regions.regionmap import MKB_REACH


def test_boundary_files_are_small_and_match_every_region_and_province(db):
    for name in (boundaries.REGIONS_FILE, boundaries.PROVINCES_FILE):
        assert len(gzip.compress((boundaries.BOUNDARIES_DIR / name).read_bytes())) < 60_000
    regions = boundaries.regions().shapes
    provinces = boundaries.provinces().shapes
    assert set(regions) == set(Region.objects.values_list("name", flat=True))
    assert len(regions) == 35
    assert set(provinces) == set(Province.objects.values_list("name", flat=True))
    assert regions["Twente"].code == "AM05"
    assert boundaries.region_codes()["Friesland"] == "AM02"
    # Twente lies in the east: its bounding box around Enschede and Almelo.
    west, south, east, north = regions["Twente"].bounds
    assert 6.3 < west < east < 7.1 and 52.1 < south < north < 52.6


def test_paths_are_computed_once_per_process():
    assert boundaries.regions() is boundaries.regions()
    path = boundaries.regions().shapes["Zeeland"].path
    assert path.startswith("M") and path.endswith("z")
    # Every drawn point lies inside the view box.
    _, _, width, height = map(float, boundaries.regions().view_box.split())
    x, y = map(float, re.match(r"M([\d.]+) ([\d.]+)", path).groups())
    assert 0 <= x <= width and 0 <= y <= height


def test_steps_split_values_and_name_their_ranges():
    classes, legend = steps([Decimal(v) for v in (0, 1, 2, 3, 4, 5, 8, 13, 21, 34)])
    assert len(legend) == 5
    assert legend[0].label == "0 – 1" and legend[-1].label == "21 – 34"
    assert classes[Decimal(0)] == "choropleth__k1" and classes[Decimal(34)] == "choropleth__k5"
    # Two distinct values: the lightest and the darkest colour; one value: a middle one.
    classes, legend = steps([1, 1, 7, None])
    assert [step.css_class for step in legend] == ["choropleth__k1", "choropleth__k5"]
    assert [step.label for step in steps([4, 4])[1]] == ["4"]
    assert steps([None, None]) == ({}, [])


def test_svg_has_a_named_link_per_region_and_escapes_text():
    areas = [
        Area("Twente", "/regios/twente/", 3, "3 samenwerkingen"),
        Area("Zeeland", "#regio-zeeland", None, "geen gegevens"),
        Area("Atlantis", "/nergens/", 9, "9 samenwerkingen"),  # not in the outlines: skipped
    ]
    svg, legend = choropleth_svg(areas, "Kaart <b>test</b>")
    assert svg.count("<a ") == 2
    assert 'href="/regios/twente/" aria-label="Twente: 3 samenwerkingen"' in svg
    assert 'aria-label="Zeeland: geen gegevens"' in svg and "choropleth__none" in svg
    assert "Kaart &lt;b&gt;test&lt;/b&gt;" in svg
    assert [step.label for step in legend] == ["3", "9", "geen gegevens"]


def test_locator_fills_one_region():
    svg = locator_svg("Twente", "Ligging van Twente")
    assert svg.count('class="locator__region"') == 1
    assert boundaries.regions().shapes["Twente"].path in svg
    assert locator_svg("Atlantis", "x") == ""


@pytest.fixture
def index(home_page):
    return RegionIndexPageFactory(parent=home_page)


@pytest.mark.django_db
def test_index_colours_regions_by_the_chosen_figure(client, index):
    twente = Region.objects.get(slug="twente")
    profile = RegionProfilePageFactory(parent=index, region=twente)
    RegionFigureFactory(page=profile, indicator=MKB_REACH, value=4, unit="%", year=2023)
    RegionFigureFactory(
        page=profile, indicator=MKB_REACH, value=6, unit="%", year=2024, source="UWV"
    )
    PartnershipFactory.create_batch(2, region=twente, companies_count=10)
    PartnershipFactory(region=twente, companies_count=5, live=False)  # a draft: not counted

    response = client.get("/regios/")
    html = response.text
    assert html.count('<path class="choropleth__region') == 35
    assert 'aria-label="Twente: 2 samenwerkingen"' in html
    assert 'aria-label="Zeeland: 0 samenwerkingen"' in html
    assert 'href="#regio-zeeland"' in html  # no profile: the link goes to its list row
    rows = {row.region.slug: row for row in response.context["rows"]}
    assert (rows["twente"].partnerships, rows["twente"].companies) == (2, 20)
    assert rows["twente"].mkb.value == 6 and rows["twente"].mkb.year == 2024
    assert rows["zeeland"].mkb is None

    html = client.get("/regios/?cijfer=bedrijven").text
    assert 'aria-label="Twente: 20 bedrijven"' in html
    html = client.get("/regios/?cijfer=mkb").text
    assert 'aria-label="Twente: 6% (2024)"' in html
    assert 'aria-label="Zeeland: geen gegevens"' in html
    assert "2024, UWV" in html  # the table names year and source
    assert 'value="mkb" checked' in html


@pytest.mark.django_db
def test_demo_mkb_figures_are_marked_invented(client, index):
    profile = RegionProfilePageFactory(parent=index, region=Region.objects.get(slug="twente"))
    RegionFigureFactory(
        page=profile, indicator=MKB_REACH, value=5, unit="%", source="Demogegevens (verzonnen)"
    )
    html = client.get("/regios/?cijfer=mkb").text
    assert "<strong>(verzonnen)</strong>" in html
    assert "zijn verzonnen om de website te laten zien" in html


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["onzin", "<script>", "mkb'--", "x" * 500])
def test_unknown_figure_shows_the_default_and_says_so(client, index, bad):
    response = client.get("/regios/", {"cijfer": bad})
    assert response.status_code == 200
    assert response.context["metric"].key == "samenwerkingen"
    assert "De kaart kan niet kleuren naar" in response.text
    assert "<script>'" not in response.text


def test_map_tiles_false_empties_the_tile_url():
    # The settings module read in a fresh interpreter, as at start-up.
    script = "import cms.settings.base as s; print(repr(s.MAP_TILE_URL))"
    environment = {**os.environ, "MAP_TILES": "false", "SECRET_KEY": "x" * 50}
    result = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True
    )
    assert result.stdout.strip() == "''", result.stderr
    environment["MAP_TILES"] = "nee"  # not true or false: the start stops, naming it
    result = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True
    )
    assert result.returncode != 0 and "MAP_TILES" in result.stderr


@pytest.mark.django_db
def test_without_tiles_no_page_names_another_host(client, home_page, settings):
    settings.MAP_TILE_URL = ""
    NetworkMapPageFactory(parent=home_page)
    response = client.get("/netwerkkaart/")
    html = response.text
    assert 'data-tile-url=""' in html
    assert 'data-regions-url="/static/regions/boundaries/arbeidsmarktregio_2025.topojson"' in html
    assert "Grenzen: CBS, Kadaster (PDOK), CC BY 4.0" in html
    assert "openstreetmap" not in html.lower()
    # The directives come in no fixed order: read them as a mapping.
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
        if " " in directive.strip()
    )
    assert policy["img-src"] == "'self' data:"
    # With tiles, their host is allowed and named (positive control).
    settings.MAP_TILE_URL = "https://tegels.example.nl/{z}/{x}/{y}.png"
    response = client.get("/netwerkkaart/")
    assert "https://tegels.example.nl" in response["Content-Security-Policy"]
    assert 'data-tile-url="https://tegels.example.nl/{z}/{x}/{y}.png"' in response.text


@pytest.mark.django_db
def test_profile_trend_compares_with_public_regions_only(client, index):
    from wagtail.models import PageViewRestriction

    def profile(slug, values, **kwargs):
        page = RegionProfilePageFactory(
            parent=index, region=Region.objects.get(slug=slug), **kwargs
        )
        for year, value in values.items():
            RegionFigureFactory(page=page, indicator="Studenten mbo", value=value, year=year)
        return page

    profile("twente", {2023: 100, 2024: 200})
    profile("zeeland", {2023: 300, 2024: 400})
    private = profile("drenthe", {2023: 77_777, 2024: 77_777})
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    profile("flevoland", {2023: 88_888, 2024: 88_888}, live=False)

    response = client.get("/regios/twente/")
    ((trend, _svg),) = response.context["trends"]
    assert trend.title == "Studenten mbo (studenten, 2023–2024)"
    # The average of Twente and Zeeland only (positive control: 200 and 300).
    assert [(p.average, p.regions) for p in trend.points] == [(200, 2), (300, 2)]
    html = response.text
    assert "77.777" not in html and "88.888" not in html
    assert "gemiddelde van de regio's met dit cijfer" in html
    assert 'aria-label="Ligging van Twente in Nederland"' in html
    assert "Twente: 2023 100 studenten; 2024 200 studenten" in html
