"""The editors' side of partnerships: listing, filters, export, add/edit/publish, local map."""

import csv
import io
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from regions.factories import ConversationFactory, PartnerFactory, PartnershipFactory
from regions.models import Partnership, Region, Sector, Theme

LIST_URL = reverse("wagtailsnippets_regions_partnership:list")


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redacteur", "r@example.nl", "geheim")
    client.force_login(user)
    return client


@pytest.fixture
def twente():
    return Region.objects.get(slug="twente")


def form_data(region, **overrides):
    """POST data of the partnership editor, with one partner and one conversation."""
    data = {
        "name": "Techniekpact Twente",
        "slug": "techniekpact-twente",
        "summary": "Scholen en maakbedrijven leiden samen technici op.",
        "kind": "regional_pact",
        "status": "active",
        "start_year": "2018",
        "website": "https://www.example.nl/techniekpact",
        "region": str(region.pk),
        "city": "Enschede",
        "location": "SRID=4326;POINT(6.89 52.22)",
        "companies_count": "120",
        "students_count": "900",
        "background": rich_text("<p>Te weinig technici in Twente.</p>"),
        "ambition": rich_text(""),
        "approach": rich_text(""),
        "results": rich_text(""),
        "lessons": rich_text(""),
        "next_steps": rich_text(""),
        "partners": inline_formset(
            [{"organisation": "ROC van Twente", "kind": "mbo", "role": "penvoerder"}]
        ),
        "conversations": inline_formset(
            [
                {
                    "date": "2026-03-02",
                    "with_whom": "Projectleider",
                    "subject": "Opschaling",
                    "summary": "Geheime afspraak over de begroting.",
                }
            ]
        ),
    }
    data.update(overrides)
    flat = nested_form_data(data)
    # nested_form_data would flatten a list into numbered keys; a multi-select needs the list.
    flat["sectors"] = [str(Sector.objects.get(slug="techniek").pk)]
    flat["themes"] = [str(Theme.objects.get(slug="innovatie").pk)]
    return flat


@pytest.mark.django_db
def test_editor_adds_and_publishes_a_partnership(editor_client, twente):
    response = editor_client.post(
        reverse("wagtailsnippets_regions_partnership:add"),
        form_data(twente, **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302, response.context["form"].errors
    partnership = Partnership.objects.get(slug="techniekpact-twente")
    assert partnership.live
    assert (partnership.latitude, partnership.longitude) == (52.22, 6.89)
    assert partnership.partners.get().role == "penvoerder"
    assert not partnership.conversations.get().is_public
    assert [s.slug for s in partnership.sectors.all()] == ["techniek"]
    assert partnership.revisions.count() == 1


@pytest.mark.django_db
def test_editor_saves_a_draft_then_publishes_an_edit(editor_client, twente):
    editor_client.post(reverse("wagtailsnippets_regions_partnership:add"), form_data(twente))
    partnership = Partnership.objects.get(slug="techniekpact-twente")
    assert not partnership.live

    edit_url = reverse("wagtailsnippets_regions_partnership:edit", args=[partnership.pk])
    data = form_data(twente, name="Techniekpact Twente 2.0", **{"action-publish": "1"})
    partner = partnership.partners.get()
    conversation = partnership.conversations.get()
    data.update(
        {
            "partners-INITIAL_FORMS": "1",
            "partners-0-id": str(partner.pk),
            "conversations-INITIAL_FORMS": "1",
            "conversations-0-id": str(conversation.pk),
        }
    )
    response = editor_client.post(edit_url, data)
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.live and partnership.name == "Techniekpact Twente 2.0"
    assert partnership.partners.count() == 1
    assert partnership.revisions.count() == 2


@pytest.mark.django_db
def test_location_outside_the_netherlands_is_refused(editor_client, twente):
    response = editor_client.post(
        reverse("wagtailsnippets_regions_partnership:add"),
        form_data(twente, location="SRID=4326;POINT(2.35 48.85)"),
    )
    assert response.status_code == 200
    assert "niet in Nederland" in response.text
    assert not Partnership.objects.exists()


@pytest.mark.django_db
def test_edit_page_loads_leaflet_from_our_static_files(editor_client):
    partnership = PartnershipFactory()
    response = editor_client.get(
        reverse("wagtailsnippets_regions_partnership:edit", args=[partnership.pk])
    )
    assert response.status_code == 200
    html = response.text
    assert "unpkg" not in html
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "/static/vendor/leaflet/leaflet.css" in html
    assert finders.find("vendor/leaflet/leaflet.js")
    assert "tile.openstreetmap.org" in html  # our tile setting reached the widget


@pytest.mark.django_db
def test_new_partnership_map_starts_in_the_netherlands_with_no_location(editor_client):
    response = editor_client.get(reverse("wagtailsnippets_regions_partnership:add"))
    assert response.status_code == 200
    assert "&quot;defaultCentre&quot;: {&quot;lat&quot;: 52.2, &quot;lng&quot;: 5.3}" in (
        response.text
    )
    # No location is no marker (no point), and the editor reads that none is set.
    assert "&quot;point&quot;: null" in response.text
    status = re.search(r'<p id="id_location_status"[^>]*>(.*?)</p>', response.text, re.S)
    assert "Nog geen locatie gekozen" in status.group(1)


@pytest.mark.django_db
def test_a_stored_location_is_shown_as_chosen(editor_client):
    partnership = PartnershipFactory(location="SRID=4326;POINT(6.89 52.22)")
    response = editor_client.get(
        reverse("wagtailsnippets_regions_partnership:edit", args=[partnership.pk])
    )
    assert "&quot;point&quot;: {&quot;lat&quot;: 52.22, &quot;lng&quot;: 6.89}" in response.text
    status = re.search(r'<p id="id_location_status"[^>]*>(.*?)</p>', response.text, re.S)
    assert status.group(1).strip() == "Locatie gekozen: 52.22, 6.89."
    # wagtailgeowidget's own scripts (a second map, from unpkg otherwise) are not loaded.
    assert "wagtailgeowidget/js/" not in response.text


@pytest.mark.django_db
def test_listing_filters(editor_client, twente):
    sector = Sector.objects.get(slug="ict")
    on_map = PartnershipFactory(name="Op de kaart", region=twente, sectors=[sector])
    PartnershipFactory(name="Nergens", location="", kind=Partnership.Kind.CAMPUS)
    response = editor_client.get(LIST_URL)
    assert response.status_code == 200
    assert "Op de kaart" in response.text and "Nergens" in response.text

    queries = {
        f"region={twente.pk}": "Op de kaart",
        f"sectors={sector.pk}": "Op de kaart",
        "kind=campus": "Nergens",
        "location=no": "Nergens",
        "location=yes": "Op de kaart",
        "status=active&live=true": None,
        "q=nergens": "Nergens",
    }
    for query, only in queries.items():
        response = editor_client.get(f"{LIST_URL}?{query}")
        assert response.status_code == 200, query
        if only:
            other = "Nergens" if only == on_map.name else on_map.name
            assert only in response.text and other not in response.text, query


@pytest.mark.django_db
def test_export_has_dutch_headings_and_no_conversations(editor_client):
    partnership = PartnershipFactory(name="Exportpact")
    ConversationFactory(partnership=partnership, summary="Vertrouwelijke begroting")
    PartnerFactory(partnership=partnership)

    csv_response = editor_client.get(f"{LIST_URL}?export=csv")
    assert csv_response.status_code == 200
    text = b"".join(csv_response.streaming_content).decode()
    assert text.startswith("Naam,Slug,Arbeidsmarktregio,Provincie,Plaats,Soort,Status")
    assert "Exportpact" in text
    assert "Vertrouwelijke" not in text

    xlsx_response = editor_client.get(f"{LIST_URL}?export=xlsx")
    assert xlsx_response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(xlsx_response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Naam", "Slug", "Arbeidsmarktregio")
    assert rows[1][0] == "Exportpact"
    assert "Vertrouwelijke" not in repr(rows)


@pytest.mark.django_db
def test_dashboard_and_menu_point_to_partnerships_without_location(editor_client):
    PartnershipFactory(name="Zwerver", location="")
    PartnershipFactory(name="Gevonden")
    response = editor_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Samenwerkingen zonder locatie" in response.text
    assert "1 samenwerking staat" in response.text
    assert "Zwerver" in response.text and "Gevonden" not in response.text
    assert "Regionaal netwerk" in response.text
    assert f"{LIST_URL}?location=no" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["region", "province", "theme", "sector", "educationlevel", "fundingsource"]
)
def test_reference_data_listings(editor_client, name):
    response = editor_client.get(reverse(f"wagtailsnippets_regions_{name}:list"))
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_export_neutralises_formulas(editor_client, export):
    """Cells a spreadsheet would run as formulas start with an apostrophe (core.spreadsheet)."""
    PartnershipFactory(name='=HYPERLINK("http://evil.example")', city="=1+2")
    response = editor_client.get(f"{LIST_URL}?export={export}")
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    if export == "csv":
        rows = list(csv.reader(io.StringIO(content.decode())))
    else:
        sheet = load_workbook(io.BytesIO(content)).active
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
        rows = list(sheet.iter_rows(values_only=True))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["Naam"] == '\'=HYPERLINK("http://evil.example")'
    assert record["Plaats"] == "'=1+2"
    assert record["Arbeidsmarktregio"] and record["Arbeidsmarktregio"][0] != "'"
