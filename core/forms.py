"""The admin's document form: an upload is refused unless its content matches its extension.

Wagtail checks the extension (WAGTAILDOCS_EXTENSIONS) and the size
(WAGTAILDOCS_MAX_UPLOAD_SIZE); a renamed file passes both. This form also looks at the
bytes, so that an HTML or SVG page renamed to .pdf or .csv never reaches the media storage.
It is the base of every document form (single upload, multiple upload, chooser) through
the WAGTAILDOCS_DOCUMENT_FORM_BASE setting, so the check needs no model change.
"""

import os
import re
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.documents import get_document_model
from wagtail.documents.forms import BaseDocumentForm

# The parts an Office Open XML package must hold, per extension.
OOXML_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
# OpenDocument files start with an uncompressed "mimetype" entry naming their type.
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
# Markup a browser could render or run, at the start of a "text" file.
MARKUP = re.compile(rb"^\s*<|<\s*(html|svg|script|body|iframe)\b", re.IGNORECASE)
# Control characters never found in a spreadsheet export (tab, CR, LF and FF are fine).
BINARY = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")
TEXT_SAMPLE_BYTES = 1024 * 1024


def extension_of(name):
    return os.path.splitext(name)[1].lstrip(".").lower()


def check_pdf(upload):
    if upload.read(5) != b"%PDF-":
        raise ValidationError("Dit is geen echt pdf-bestand: het begint niet als een pdf.")


def check_zip_package(upload, extension):
    """Office and OpenDocument files are ZIP packages; look for the parts of this type."""
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
            if extension in OOXML_PARTS:
                ok = "[Content_Types].xml" in names and OOXML_PARTS[extension] in names
            else:
                ok = "mimetype" in names and (
                    package.read("mimetype").strip() == ODF_MIMETYPES[extension]
                )
    except (zipfile.BadZipFile, OSError, KeyError, EOFError) as error:
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
    """A CSV file must be plain text (UTF-8 or Windows-1252), never markup or binary."""
    sample = upload.read(TEXT_SAMPLE_BYTES)
    if BINARY.search(sample):
        raise ValidationError("Dit is geen tekstbestand; een csv-bestand moet platte tekst zijn.")
    if MARKUP.search(sample):
        raise ValidationError("Dit bestand bevat HTML- of SVG-code en is daarom geen csv-bestand.")
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # Excel's plain "CSV" is Windows-1252; a cut-off multibyte character at the end
        # of the sample is not an error either.
        if error.start < len(sample) - 4:
            try:
                sample.decode("cp1252")
            except UnicodeDecodeError:
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
        elif extension in OOXML_PARTS or extension in ODF_MIMETYPES:
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
