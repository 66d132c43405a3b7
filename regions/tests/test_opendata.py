"""Open data (kaart.geojson, export.csv): schema, filters, drafts and privacy."""

import csv
import gzip
import io
import json

import pytest
from django.core.cache import cache

from regions.factories import ConversationFactory, PartnerFactory, PartnershipFactory
from regions.models import Region, Sector, Theme

GEOJSON_KEYS = [
    "id",
    "slug",
    "name",
    "summary",
    "kind",
    "kind_label",
    "status",
    "region",
    "province",
    "city",
    "url",
    "sectors",
    "themes",
    "companies_count",
    "students_count",
    "teachers_count",
    "schools_count",
]
CSV_COLUMNS = [
    "id",
    "slug",
    "name",
    "summary",
    "kind",
    "kind_label",
    "status",
    "status_label",
    "region",
    "region_slug",
    "province",
    "province_slug",
    "city",
    "latitude",
    "longitude",
    "website",
    "start_year",
    "companies_count",
    "students_count",
    "teachers_count",
    "schools_count",
    "sectors",
    "themes",
    "funding_sources",
    "url",
]


def geojson(client, query=None):
    response = client.get("/netwerkkaart/kaart.geojson", query or {})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    return json.loads(response.content)


def csv_rows(client, query=None):
    response = client.get("/netwerkkaart/export.csv", query or {})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="samenwerkingen.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.fixture
def partnerships(map_page):
    twente = Region.objects.get(slug="twente")
    located = PartnershipFactory(
        name="Smart Industry Twente",
        slug="smart-industry-twente",
        region=twente,
        city="Enschede",
        sectors=[Sector.objects.get(slug="ict"), Sector.objects.get(slug="techniek")],
        themes=[Theme.objects.get(slug="innovatie")],
        summary='=HYPERLINK("https://example.com")',
    )
    groningen = Region.objects.get(slug="groningen")
    PartnershipFactory(
        name="Zorg zonder plek", slug="zorg-zonder-plek", region=groningen, location=""
    )
    PartnershipFactory(name="Concept", slug="concept", region=groningen, live=False)
    return located


@pytest.mark.django_db
def test_geojson_schema(client, partnerships):
    data = geojson(client)
    assert data["type"] == "FeatureCollection"
    assert [feature["properties"]["slug"] for feature in data["features"]] == [
        "smart-industry-twente"  # only located, only published
    ]
    feature = data["features"][0]
    assert list(feature) == ["type", "id", "geometry", "properties"]
    assert feature["geometry"]["type"] == "Point"
    lng, lat = feature["geometry"]["coordinates"]
    assert (lat, lng) == pytest.approx((52.22, 6.89), abs=0.1)
    properties = feature["properties"]
    assert list(properties) == GEOJSON_KEYS
    assert properties["sectors"] == ["ICT", "Techniek"]
    assert properties["themes"] == ["Innovatie"]
    assert properties["region"] == "Twente"
    assert properties["province"] == "Overijssel"
    assert properties["kind_label"] == "Centrum voor Innovatief Vakmanschap (CIV)"
    assert properties["url"] == "http://testserver/netwerkkaart/smart-industry-twente/"


@pytest.mark.django_db
def test_csv_schema(client, partnerships):
    header, *rows = csv_rows(client)
    assert header == CSV_COLUMNS
    assert [row[1] for row in rows] == ["smart-industry-twente", "zorg-zonder-plek"]
    record = dict(zip(header, rows[0], strict=True))
    assert record["sectors"] == "ICT; Techniek"
    assert record["region"] == "Twente"
    # A formula in a text cell is defused for spreadsheet programs.
    assert record["summary"] == '\'=HYPERLINK("https://example.com")'
    without_location = dict(zip(header, rows[1], strict=True))
    assert without_location["latitude"] == without_location["longitude"] == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ({"regio": "twente"}, ["smart-industry-twente"]),
        ({"provincie": "overijssel"}, ["smart-industry-twente"]),
        ({"sector": "ict"}, ["smart-industry-twente"]),
        ({"thema": "innovatie"}, ["smart-industry-twente"]),
        ({"soort": "coe"}, []),
        ({"status": "ended"}, []),
        ({"q": "zorg"}, ["zorg-zonder-plek"]),
    ],
)
def test_open_data_honours_the_filters(client, partnerships, query, slugs):
    assert [row[1] for row in csv_rows(client, query)[1:]] == slugs
    located = [slug for slug in slugs if slug != "zorg-zonder-plek"]
    assert [f["properties"]["slug"] for f in geojson(client, query)["features"]] == located


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [{"regio": "bestaat-niet"}, {"soort": "<script>"}, {"q": "\x00"}, {"page": "abc"}],
)
def test_open_data_ignores_nonsense(client, partnerships, query):
    assert len(geojson(client, query)["features"]) == 1
    assert len(csv_rows(client, query)) == 3


@pytest.mark.django_db
def test_private_data_never_leaves(client, map_page):
    """Internal conversations and drafts appear in no public output at all."""
    partnership = PartnershipFactory(slug="met-gesprekken")
    secret = {
        "with_whom": "Geheim-wie-5521",
        "subject": "Geheim-onderwerp-5522",
        "summary": "Geheim-samenvatting-5523",
        "agreements": "Geheim-afspraak-5524",
        "follow_up": "Geheim-vervolg-5525",
    }
    ConversationFactory(partnership=partnership, is_public=False, **secret)
    ConversationFactory(partnership=partnership, is_public=True, summary="Openbaar-gesprek-77")
    draft = PartnershipFactory(name="Concept-naam-9911", slug="concept-9911", live=False)
    PartnerFactory(partnership=draft, organisation="Concept-partner-9912")

    outputs = {
        "list": client.get("/netwerkkaart/").text,
        "list searched": client.get("/netwerkkaart/", {"q": "Geheim"}).text,
        "write-up": client.get("/netwerkkaart/met-gesprekken/").text,
        "geojson": client.get("/netwerkkaart/kaart.geojson").content.decode(),
        "csv": client.get("/netwerkkaart/export.csv").content.decode(),
        "csv searched": client.get("/netwerkkaart/export.csv", {"q": "Concept"}).content.decode(),
    }
    for name, text in outputs.items():
        for value in [*secret.values(), "Concept-naam-9911", "concept-9911", "Concept-partner"]:
            assert value not in text, f"{value} leaked into the {name}"
    assert "Openbaar-gesprek-77" in outputs["write-up"]
    assert "Openbaar-gesprek-77" not in outputs["geojson"] + outputs["csv"]
    assert client.get("/netwerkkaart/concept-9911/").status_code == 404


@pytest.mark.django_db
def test_open_data_links_and_headers(client, partnerships):
    response = client.get("/netwerkkaart/kaart.geojson")
    assert response["Access-Control-Allow-Origin"] == "*"
    # A trailing slash is no alias of the file.
    assert client.get("/netwerkkaart/export.csv/").status_code == 404


@pytest.mark.django_db
def test_compressed_open_data_keeps_its_validators(client, partnerships, settings):
    settings.PAGE_CACHE_SECONDS = 300  # validators exist only with the page cache
    cache.clear()
    gzip_header = {"HTTP_ACCEPT_ENCODING": "gzip"}
    first = client.get("/netwerkkaart/kaart.geojson", **gzip_header)
    assert first["Content-Encoding"] == "gzip"
    assert first["ETag"].startswith('W/"')
    plain = client.get("/netwerkkaart/kaart.geojson")
    assert json.loads(gzip.decompress(first.content)) == json.loads(plain.content)
    again = client.get(
        "/netwerkkaart/kaart.geojson", HTTP_IF_NONE_MATCH=first["ETag"], **gzip_header
    )
    assert again.status_code == 304
    cache.clear()
