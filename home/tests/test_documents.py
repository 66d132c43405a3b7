"""Downloads: uploads are checked by extension, size and content; serving never runs HTML."""

import importlib
import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import clear_url_caches, reverse
from openpyxl import Workbook
from PIL import Image
from pypdf import PdfWriter
from wagtail.images import get_image_model
from wagtail.models import Collection

import cms.urls
from core.blocks import DownloadsBlock
from core.models import AccessibleDocument

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, format="PNG")
    return buffer.getvalue()


GOOD_IMAGE = png_bytes()


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
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in entries.items():
            # OpenDocument stores its "mimetype" entry first and uncompressed.
            kind = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            package.writestr(name, content, compress_type=kind)
    return buffer.getvalue()


OOXML = "application/vnd.openxmlformats-officedocument"


def ooxml_content_types(main):
    """[Content_Types].xml declaring ``main`` (part name, content type) as the main part."""
    part, content_type = main
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>'
    )


def ooxml_bytes(main, content_types=None):
    """A minimal Office Open XML package with its main part."""
    return zip_bytes(
        {
            "[Content_Types].xml": content_types or ooxml_content_types(main),
            "_rels/.rels": "<Relationships/>",
            main[0]: "<document/>",
        }
    )


def odf_bytes(mimetype, parts=("META-INF/manifest.xml", "content.xml")):
    return zip_bytes({"mimetype": mimetype, **{part: "<office/>" for part in parts}})


def encrypted_pdf_bytes(user_password, owner_password="eigenaar"):
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes()))
    writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


DOCX = ("word/document.xml", f"{OOXML}.wordprocessingml.document.main+xml")
PPTX = ("ppt/presentation.xml", f"{OOXML}.presentationml.presentation.main+xml")
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
# An XML "billion laughs": never expanded (defusedxml refuses entities).
XML_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">&lol2;</Types>'
)

GOOD_FILES = {
    "regioprofiel.pdf": pdf_bytes(),
    "beveiligd-tegen-printen.pdf": encrypted_pdf_bytes(""),
    "cijfers.xlsx": xlsx_bytes(),
    "cijfers.csv": "regio;waarde\nTwente;12,5\nFryslân;7\n".encode(),
    "cijfers-excel.csv": "regio;waarde\nFrysl\xe2n;7\n".encode("cp1252"),
    "verslag.docx": ooxml_bytes(DOCX),
    "presentatie.pptx": ooxml_bytes(PPTX),
    "verslag.odt": odf_bytes(ODT),
    "tabel.ods": odf_bytes(ODS),
}
BAD_FILES = {
    "html-als-pdf.pdf": (HTML, "geen echt pdf-bestand"),
    "svg-als-pdf.pdf": (SVG, "geen echt pdf-bestand"),
    "pdf-kop-met-html.pdf": (b"%PDF-1.4\n" + HTML, "bevat HTML-code"),
    "alleen-een-kop.pdf": (b"%PDF-1.4\n%%EOF\n", "beschadigd of onvolledig"),
    "afgebroken.pdf": (pdf_bytes()[: len(pdf_bytes()) // 2], "beschadigd of onvolledig"),
    "wachtwoord.pdf": (encrypted_pdf_bytes("geheim"), "met een wachtwoord beveiligd"),
    "html-als-csv.csv": (HTML, "HTML- of SVG-code"),
    "svg-als-csv.csv": (b"naam;waarde\n" + SVG, "HTML- of SVG-code"),
    "binair.csv": (b"\x00\x01\x02binary", "geen tekstbestand"),
    "binair-na-een-megabyte.csv": (b"regio;waarde\n" * 100_000 + b"\x00\x01", "geen tekstbestand"),
    "onbekende-tekenset.csv": (b"regio;waarde\nTwente\x81\x8d;12\n", "onbekende tekenset"),
    "tekst-als-xlsx.xlsx": (b"regio;waarde\n", "geen echt .xlsx-bestand"),
    "docx-als-xlsx.xlsx": (ooxml_bytes(DOCX), "past niet bij de extensie .xlsx"),
    "xlsx-als-docx.docx": (xlsx_bytes(), "past niet bij de extensie .docx"),
    "lege-inhoudstypen.docx": (
        zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}),
        "past niet bij de extensie .docx",
    ),
    "zonder-hoofddeel.pptx": (
        zip_bytes({"[Content_Types].xml": ooxml_content_types(PPTX)}),
        "past niet bij de extensie .pptx",
    ),
    "xml-bom.docx": (ooxml_bytes(DOCX, content_types=XML_BOMB), "geen echt .docx-bestand"),
    "oud-formaat.xlsx": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        "oud Office-formaat",
    ),
    "ods-als-odt.odt": (odf_bytes(ODS), "past niet bij de extensie .odt"),
    "alleen-mimetype.odt": (zip_bytes({"mimetype": ODT}), "past niet bij de extensie .odt"),
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
@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_refused_upload_gets_one_clear_reason(editor, media, name):
    """One Dutch sentence for the file, never Wagtail's "Bestandsextensie '' ..." on top."""
    content, reason = BAD_FILES[name]
    errors = single_upload(editor, name, content).context["form"].errors
    assert list(errors) == ["file"]
    assert len(errors["file"]) == 1 and reason in errors["file"][0]
    assert "''" not in errors["file"][0] and "Bestandsextensie" not in errors["file"][0]


@pytest.mark.django_db
def test_an_upload_without_a_file_gets_one_reason(editor, media):
    response = editor.post(
        reverse("wagtaildocs:add"),
        {"title": "Leeg", "collection": Collection.get_first_root_node().pk, "language": "nl"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"file": ["Dit is een verplicht veld."]}


@pytest.mark.django_db
def test_multiple_upload_accepts_a_real_pdf(editor, media):
    result = multiple_upload(editor, "profiel.pdf", GOOD_FILES["regioprofiel.pdf"])
    assert result["success"] is True
    assert AccessibleDocument.objects.get().file_extension == "pdf"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["html-als-pdf.pdf", "pdf-kop-met-html.pdf", "svg-als-csv.csv", "tekening.svg"]
)
def test_multiple_upload_refuses_and_stores_nothing(editor, media, name):
    content, reason = BAD_FILES[name]
    result = multiple_upload(editor, name, content)
    assert result["success"] is False
    assert reason in result["error_message"]
    assert "Bestandsextensie" not in result["error_message"]
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


@pytest.fixture
def dev_urls(settings):
    """The URLs and document settings of `make run` (cms.settings.dev, DEBUG on)."""
    dev = importlib.import_module("cms.settings.dev")
    settings.DEBUG = True
    settings.WAGTAILDOCS_SERVE_METHOD = dev.WAGTAILDOCS_SERVE_METHOD
    settings.WAGTAILDOCS_INLINE_CONTENT_TYPES = dev.WAGTAILDOCS_INLINE_CONTENT_TYPES
    # cms.urls adds the media routes when it is imported with DEBUG on.
    importlib.reload(cms.urls)
    clear_url_caches()
    yield dev
    settings.DEBUG = False
    importlib.reload(cms.urls)
    clear_url_caches()


@pytest.mark.django_db
def test_under_make_run_documents_are_downloads_too(client, media, dev_urls):
    assert dev_urls.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert dev_urls.WAGTAILDOCS_INLINE_CONTENT_TYPES == []
    document = AccessibleDocument.objects.create(
        title="Profiel", file=ContentFile(pdf_bytes(), name="profiel.pdf")
    )
    image = get_image_model().objects.create(
        title="Foto", file=ContentFile(GOOD_IMAGE, name="foto.png")
    )

    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/pdf"
    # The stored file itself is not served, so it never opens inline in the site's origin,
    # while the images next to it are (the dev server serves media itself).
    assert client.get(document.file.url).status_code == 404
    assert client.get(image.file.url).status_code == 200


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
