"""Downloads: uploads are checked by extension, size and content; serving never runs HTML."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from openpyxl import Workbook
from PIL import Image
from wagtail.models import Collection

from core.blocks import DownloadsBlock
from core.models import AccessibleDocument

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'


def pdf_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, format="PDF")
    return buffer.getvalue()


def xlsx_bytes():
    workbook = Workbook()
    workbook.active.append(["regio", "waarde"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, content in entries.items():
            package.writestr(name, content)
    return buffer.getvalue()


GOOD_FILES = {
    "regioprofiel.pdf": pdf_bytes(),
    "cijfers.xlsx": xlsx_bytes(),
    "cijfers.csv": "regio;waarde\nTwente;12,5\nFryslân;7\n".encode(),
    "cijfers-excel.csv": "regio;waarde\nFrysl\xe2n;7\n".encode("cp1252"),
    "verslag.docx": zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}),
    "tabel.ods": zip_bytes(
        {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}
    ),
}
BAD_FILES = {
    "html-als-pdf.pdf": (HTML, "geen echt pdf-bestand"),
    "svg-als-pdf.pdf": (SVG, "geen echt pdf-bestand"),
    "html-als-csv.csv": (HTML, "HTML- of SVG-code"),
    "svg-als-csv.csv": (b"naam;waarde\n" + SVG, "HTML- of SVG-code"),
    "binair.csv": (b"\x00\x01\x02binary", "geen tekstbestand"),
    "tekst-als-xlsx.xlsx": (b"regio;waarde\n", "geen echt .xlsx-bestand"),
    "docx-als-xlsx.xlsx": (
        zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}),
        "past niet bij de extensie .xlsx",
    ),
    "ods-als-odt.odt": (
        zip_bytes({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}),
        "past niet bij de extensie .odt",
    ),
    "pagina.html": (HTML, "Dit bestandstype is niet toegestaan"),
    "tekening.svg": (SVG, "Dit bestandstype is niet toegestaan"),
}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("docs", "d@example.nl", "x"))
    return client


def stored_files(media):
    return [path for path in media.rglob("*") if path.is_file()]


def single_upload(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            "language": "nl",
        },
    )


def multiple_upload(client, name, content):
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    return response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(GOOD_FILES))
def test_single_upload_accepts_real_files(editor, media, name):
    response = single_upload(editor, name, GOOD_FILES[name])
    assert response.status_code == 302, response.context["form"].errors
    document = AccessibleDocument.objects.get()
    assert document.file_size == len(GOOD_FILES[name])
    assert len(stored_files(media)) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(BAD_FILES))
def test_single_upload_refuses_and_stores_nothing(editor, media, name):
    content, reason = BAD_FILES[name]
    response = single_upload(editor, name, content)
    assert response.status_code == 200
    assert reason in " ".join(response.context["form"].errors["file"])
    assert not AccessibleDocument.objects.exists()
    assert stored_files(media) == []


@pytest.mark.django_db
def test_multiple_upload_accepts_a_real_pdf(editor, media):
    result = multiple_upload(editor, "profiel.pdf", GOOD_FILES["regioprofiel.pdf"])
    assert result["success"] is True
    assert AccessibleDocument.objects.get().file_extension == "pdf"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["html-als-pdf.pdf", "svg-als-csv.csv", "tekening.svg"])
def test_multiple_upload_refuses_and_stores_nothing(editor, media, name):
    content, reason = BAD_FILES[name]
    result = multiple_upload(editor, name, content)
    assert result["success"] is False
    assert reason in result["error_message"]
    assert not AccessibleDocument.objects.exists()
    assert stored_files(media) == []


@pytest.mark.django_db
def test_size_limit_from_settings_is_enforced(editor, media, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    response = single_upload(editor, "groot.csv", b"regio;waarde\n" * 20)
    assert response.status_code == 200
    assert "te groot" in " ".join(response.context["form"].errors["file"])
    assert stored_files(media) == []


@pytest.mark.django_db
def test_documents_are_served_as_downloads_never_inline(client, media):
    document = AccessibleDocument.objects.create(
        title="Profiel", file=ContentFile(pdf_bytes(), name="profiel.pdf")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


def render_downloads(documents):
    block = DownloadsBlock()
    value = block.to_python({"heading": "Downloads", "documents": [d.pk for d in documents]})
    return block.render(value)


@pytest.mark.django_db
def test_download_list_warns_about_inaccessible_files(media, home_page):
    accessible = AccessibleDocument.objects.create(
        title="Toegankelijk profiel",
        file=ContentFile(pdf_bytes(), name="ok.pdf"),
        is_accessible=True,
    )
    html = render_downloads([accessible])
    assert "Toegankelijk profiel" in html
    assert "PDF" in html and "niet digitaal toegankelijk" not in html.lower()

    scanned = AccessibleDocument.objects.create(
        title="Gescand rapport",
        file=ContentFile(pdf_bytes(), name="scan.pdf"),
        accessible_alternative_page=home_page,
    )
    html = render_downloads([accessible, scanned])
    assert "mogelijk niet digitaal toegankelijk" in html
    assert f'href="{home_page.url}"' in html


@pytest.mark.django_db
def test_download_list_shows_type_size_and_year(media):
    document = AccessibleDocument.objects.create(
        title="Cijfers", file=ContentFile(b"a;b\n1;2\n", name="cijfers.csv"), is_accessible=True
    )
    html = render_to_string("components/download_list.html", {"documents": [document]})
    assert "CSV" in html
    assert "8\xa0bytes" in html
    assert str(document.created_at.year) in html


@pytest.mark.django_db
def test_alternative_link_without_scheme_becomes_https(editor, media, recwarn):
    response = editor.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Jaarverslag",
            "file": SimpleUploadedFile("jaarverslag.pdf", pdf_bytes()),
            "collection": Collection.get_first_root_node().pk,
            "language": "nl",
            "accessible_alternative_url": "www.voorbeeld.nl/jaarverslag",
        },
    )
    assert response.status_code == 302
    document = AccessibleDocument.objects.get()
    assert document.accessible_alternative_url == "https://www.voorbeeld.nl/jaarverslag"
    # Django 5.2 warns when a form's URL field leaves its default scheme unset.
    assert not [w for w in recwarn if "assume_scheme" in str(w.message)]
