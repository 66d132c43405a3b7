"""The admin's document form: an upload is refused unless its content matches its extension.

Wagtail checks the extension (WAGTAILDOCS_EXTENSIONS) and the size
(WAGTAILDOCS_MAX_UPLOAD_SIZE); a renamed file passes both. This form also looks at the
bytes, so that an HTML or SVG page renamed to .pdf or .csv never reaches the media storage:
a PDF must parse (pypdf), an Office or OpenDocument file must be a ZIP package that declares
the type of its extension, and a CSV file must be text from start to end.
It is the base of every document form (single upload, multiple upload, chooser) through
the WAGTAILDOCS_DOCUMENT_FORM_BASE setting, so the check needs no model change.
"""

import os
import re
import zipfile

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.conf import settings
from django.core.exceptions import ValidationError
from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError
from wagtail.documents import get_document_model
from wagtail.documents.forms import BaseDocumentForm

# The main part an Office Open XML package declares in its [Content_Types].xml, per extension.
OOXML_MAIN_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
CONTENT_TYPES_PART = "[Content_Types].xml"
CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# OpenDocument files hold a "mimetype" entry naming their type, a manifest and the content.
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
ODF_PARTS = ("META-INF/manifest.xml", "content.xml")
# A package's own bookkeeping is small; a larger one is not read (it may be a ZIP bomb).
PACKAGE_PART_MAX_BYTES = 1024 * 1024
# Old binary Office files and password-protected Office files are OLE compound files.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Markup a browser could render or run, at the start of a "text" file.
MARKUP = re.compile(rb"^\s*<|<\s*(html|svg|script|body|iframe)\b", re.IGNORECASE)
# HTML tags inside the first bytes of a PDF, where browsers that sniff would look.
HTML_TAG = re.compile(rb"<\s*(html|svg|script|body|iframe|head)\b", re.IGNORECASE)
PDF_HEAD_BYTES = 1024
# Control characters never found in a spreadsheet export (tab, CR, LF and FF are fine).
BINARY = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")


def extension_of(name):
    return os.path.splitext(name)[1].lstrip(".").lower()


def check_pdf(upload):
    """A PDF must start as one, carry no HTML in its first bytes and parse with its pages."""
    head = upload.read(PDF_HEAD_BYTES)
    if not head.startswith(b"%PDF-"):
        raise ValidationError("Dit is geen echt pdf-bestand: het begint niet als een pdf.")
    if HTML_TAG.search(head):
        raise ValidationError("Dit pdf-bestand bevat HTML-code en wordt daarom geweigerd.")
    upload.seek(0)
    try:
        reader = PdfReader(upload)
        if reader.is_encrypted:
            try:
                if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                    raise ValidationError(
                        "Dit pdf-bestand is met een wachtwoord beveiligd; bezoekers kunnen het "
                        "niet openen. Sla het op zonder wachtwoord."
                    )
            except DependencyError:
                # AES needs a cryptography package the site does without; the file's
                # structure (header, cross-reference table, trailer) has parsed.
                return
        pages = len(reader.pages)
    except ValidationError:
        raise
    except Exception as error:
        # pypdf raises many kinds of errors on broken input; each means "no valid PDF".
        raise ValidationError(
            "Dit pdf-bestand is beschadigd of onvolledig; sla het opnieuw op als pdf."
        ) from error
    if pages == 0:
        raise ValidationError("Dit pdf-bestand heeft geen pagina's.")


def read_part(package, name):
    """One small bookkeeping part of a ZIP package, or None when it is missing or too big."""
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    if info.file_size > PACKAGE_PART_MAX_BYTES:
        return None
    return package.read(info)


def ooxml_main_type(package):
    """The main part's content type that [Content_Types].xml declares, if that part exists."""
    content_types = read_part(package, CONTENT_TYPES_PART)
    if content_types is None:
        return None
    names = {name.lower() for name in package.namelist()}
    for override in ElementTree.fromstring(content_types).iter(f"{CONTENT_TYPES_NS}Override"):
        content_type = override.get("ContentType", "")
        part = override.get("PartName", "").lstrip("/").lower()
        if content_type in OOXML_MAIN_TYPES.values() and part in names:
            return content_type
    return None


def odf_mimetype(package):
    """The OpenDocument type a package names, if it also has a manifest and content."""
    if any(read_part(package, part) is None for part in ODF_PARTS):
        return None
    mimetype = read_part(package, "mimetype")
    return mimetype.strip() if mimetype else None


def check_zip_package(upload, extension):
    """Office and OpenDocument files are ZIP packages that declare their own type."""
    if upload.read(len(OLE_MAGIC)) == OLE_MAGIC:
        raise ValidationError(
            "Dit bestand is met een wachtwoord beveiligd of in een oud Office-formaat "
            f"opgeslagen. Sla het op als .{extension} zonder wachtwoord."
        )
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            if extension in OOXML_MAIN_TYPES:
                ok = ooxml_main_type(package) == OOXML_MAIN_TYPES[extension]
            else:
                ok = odf_mimetype(package) == ODF_MIMETYPES[extension]
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ElementTree.ParseError,
        DefusedXmlException,
        NotImplementedError,  # an unknown compression method
        RuntimeError,  # an encrypted ZIP entry
        OSError,
        EOFError,
        ValueError,
    ) as error:
        raise ValidationError(
            f"Dit is geen echt .{extension}-bestand: het is geen geldig Office- of "
            "OpenDocument-bestand."
        ) from error
    if not ok:
        raise ValidationError(
            f"De inhoud past niet bij de extensie .{extension}. Sla het bestand opnieuw op "
            "in het juiste formaat."
        )


def check_csv(upload):
    """A CSV file must be plain text (UTF-8 or Windows-1252) throughout, never markup."""
    data = upload.read()
    if BINARY.search(data):
        raise ValidationError("Dit is geen tekstbestand; een csv-bestand moet platte tekst zijn.")
    if MARKUP.search(data):
        raise ValidationError("Dit bestand bevat HTML- of SVG-code en is daarom geen csv-bestand.")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        # Excel's plain "CSV" is Windows-1252.
        try:
            data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise ValidationError(
                "Dit csv-bestand heeft een onbekende tekenset; sla het op als 'CSV UTF-8'."
            ) from error


def check_content(upload):
    """Raise a ValidationError (in Dutch) unless the bytes match the file's extension."""
    extension = extension_of(upload.name)
    upload.seek(0)
    try:
        if extension == "pdf":
            check_pdf(upload)
        elif extension in OOXML_MAIN_TYPES or extension in ODF_MIMETYPES:
            check_zip_package(upload, extension)
        elif extension == "csv":
            check_csv(upload)
    finally:
        upload.seek(0)


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form plus a Dutch extension check and a content check."""

    # A link typed without a scheme becomes https://, as in Wagtail's other admin forms; the
    # document form builds its fields itself and would take Django 5's http:// default
    # (and warn that Django 6 changes it).
    accessible_alternative_url = (
        get_document_model()
        ._meta.get_field("accessible_alternative_url")
        .formfield(assume_scheme="https")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The multiple uploader posts only the file, title and collection first; with a
        # required language it would park every file as an unfinished upload.
        if "language" in self.fields:
            self.fields["language"].required = False

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language or "nl"

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        # Only a newly uploaded file is checked; the stored one passed when it came in.
        if not upload or "file" not in self.changed_data:
            return upload
        allowed = settings.WAGTAILDOCS_EXTENSIONS
        if extension_of(upload.name) not in allowed:
            raise ValidationError(
                "Dit bestandstype is niet toegestaan. Toegestaan zijn: " + ", ".join(allowed) + "."
            )
        check_content(upload)
        return upload
