"""The contact form's submissions export cannot carry spreadsheet formulas (the helper is
tested in core, the partnership listing and the open data in regions)."""

import csv
import io

import pytest
from django.core.cache import cache
from django.urls import reverse
from openpyxl import load_workbook

from core.spreadsheet import FORMULA_PREFIXES
from core.tests.editors import client_for
from home import roles
from home.factories import ContactPageFactory

HYPERLINK = '=HYPERLINK("http://evil.example")'


def csv_records(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *rows = sheet.iter_rows()
    for row in rows:
        assert all(cell.data_type != "f" for cell in row)
    names = [cell.value for cell in header]
    return [dict(zip(names, [cell.value for cell in row], strict=True)) for row in rows]


def no_formula_cells(records):
    return all(
        not (isinstance(value, str) and value[:1] in FORMULA_PREFIXES)
        for record in records
        for value in record.values()
    )


@pytest.fixture
def submitted(client, home_page):
    """A visitor's question whose answers a spreadsheet would run as formulas."""
    cache.clear()  # the contact form's rate limit counts in the cache
    page = ContactPageFactory(parent=home_page)
    answers = {
        "naam": "@SUM(1+1)",
        "e_mailadres": "piet@example.nl",
        "organisatie": "-2+3",
        "vraag": HYPERLINK,
    }
    assert client.post(page.url, answers).status_code == 200
    yield page
    cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_contact_submissions_export_neutralises_formulas(submitted, django_user_model, export):
    # Redactie may publish the contact page, so Wagtail shows them its submissions.
    redactie = client_for(django_user_model, roles.REDACTIE)
    url = reverse("wagtailforms:list_submissions", args=[submitted.pk])
    response = redactie.get(f"{url}?export={export}")
    assert response.status_code == 200
    [record] = csv_records(response) if export == "csv" else xlsx_rows(response)
    assert record["Vraag"] == f"'{HYPERLINK}"
    assert record["Naam"] == "'@SUM(1+1)"
    assert record["Organisatie"] == "'-2+3"
    assert record["E-mailadres"] == "piet@example.nl"
    assert no_formula_cells([record])
