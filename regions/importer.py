"""Bulk import of partnerships from a spreadsheet (CSV or XLSX); see docs/import.md.

Three steps, so that a bad file never half-imports: `read_rows` turns the file into
dictionaries, `validate` checks every row and collects every problem, and `write` saves
all rows in one transaction. Rows are matched by slug, so importing again updates.
"""

import csv
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_slug
from django.db import transaction
from django.utils.html import escape

from regions.models import (
    EducationLevel,
    FundingSource,
    Partnership,
    Region,
    Sector,
    Theme,
)
from regions.models.partnership import format_point, in_netherlands

REQUIRED_COLUMNS = ["slug", "naam", "samenvatting", "regio"]
TEXT_COLUMNS = {"naam": "name", "samenvatting": "summary", "plaats": "city"}
COUNT_COLUMNS = {
    "bedrijven": "companies_count",
    "studenten": "students_count",
    "docenten": "teachers_count",
    "scholen": "schools_count",
}
TAXONOMY_COLUMNS = {
    "sectoren": ("sectors", Sector, "sector"),
    "themas": ("themes", Theme, "theme"),
    "onderwijsniveaus": ("education_levels", EducationLevel, "education level"),
    "financiering": ("funding_sources", FundingSource, "funding source"),
}
SECTION_COLUMNS = {
    "aanleiding": "background",
    "ambitie": "ambition",
    "aanpak": "approach",
    "resultaten": "results",
    "lessen": "lessons",
    "vervolg": "next_steps",
}
CHOICE_COLUMNS = {"soort": ("kind", Partnership.Kind), "status": ("status", Partnership.Status)}
OTHER_COLUMNS = ["breedtegraad", "lengtegraad", "startjaar", "website"]
ALL_COLUMNS = (
    REQUIRED_COLUMNS
    + [c for c in TEXT_COLUMNS if c not in REQUIRED_COLUMNS]
    + list(CHOICE_COLUMNS)
    + OTHER_COLUMNS
    + list(COUNT_COLUMNS)
    + list(TAXONOMY_COLUMNS)
    + list(SECTION_COLUMNS)
)
# Whole numbers, optionally with Dutch thousand separators: 4000 or 4.000.
COUNT_PATTERN = re.compile(r"^\d+$|^\d{1,3}(\.\d{3})+$")
MAX_LENGTHS = {"name": 160, "summary": 600, "city": 80}


class ImportFileError(Exception):
    """The file as a whole cannot be read (missing, wrong type, encoding, columns).

    Its message is one or more full sentences: the commands append "Nothing was imported."
    """


@dataclass
class RowData:
    """One valid row, ready to be written."""

    row_number: int
    slug: str
    fields: dict = field(default_factory=dict)
    relations: dict = field(default_factory=dict)


def read_rows(path, required=REQUIRED_COLUMNS, known=ALL_COLUMNS):
    """Return the data rows of a CSV or XLSX file as (row number, {column: text}) pairs.

    ``required`` and ``known`` name the columns; other imports (region figures) pass theirs.
    """
    path = Path(path)
    table = read_table(path)
    headers = [str(cell or "").strip().lower() for cell in table[0]]
    missing = [column for column in required if column not in headers]
    if missing:
        raise ImportFileError(f"Missing column(s): {', '.join(missing)}.")
    unknown = [header for header in headers if header and header not in known]
    if unknown:
        raise ImportFileError(
            f"Unknown column(s): {', '.join(unknown)}. Known columns: {', '.join(known)}."
        )
    rows = []
    # Row numbers as a spreadsheet shows them: the header is row 1.
    for number, cells in enumerate(table[1:], start=2):
        values = {
            header: cell_text(cell) for header, cell in zip(headers, cells, strict=False) if header
        }
        if any(values.values()):
            rows.append((number, values))
    if not rows:
        raise ImportFileError(f"{path.name} has a header but no data rows.")
    return rows


def read_table(path, sniff_lines=1):
    """The cells of a CSV file or of a workbook's first sheet, as a list of rows.

    The CSV delimiter is told from the first line (the header), or from the first
    ``sniff_lines`` lines for files that may start with a title (StatLine exports).
    """
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"File not found: {path}.")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = _read_csv(path, sniff_lines)
    elif suffix == ".xlsx":
        table = _read_xlsx(path)
    else:
        raise ImportFileError(f"Unsupported file type '{suffix}': use .csv or .xlsx.")
    if not table:
        raise ImportFileError(f"{path.name} is empty.")
    return table


def _read_csv(path, sniff_lines=1):
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{path.name} is not UTF-8 (byte {error.start}). Save it as 'CSV UTF-8' and try again."
        ) from error
    first_lines = "\n".join(text.splitlines()[:sniff_lines])
    try:
        dialect = csv.Sniffer().sniff(first_lines, delimiters=";,")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(text.splitlines(), delimiter=dialect.delimiter))


def _read_xlsx(path):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise ImportFileError(f"{path.name} is not a readable .xlsx workbook.") from error
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def cell_text(cell):
    """A cell as the text the checks read (numbers from a workbook in Dutch notation)."""
    # Spreadsheets store 40 as 40.0; keep the text an editor would see: 40, and 4,5
    # with the Dutch decimal comma (so a dot can only ever be a thousands separator).
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell).replace(".", ",")
    return "" if cell is None else str(cell).strip()


def _lookup(model):
    """Map lower-cased names and slugs to objects, so editors may use either."""
    table = {}
    for obj in model.objects.all():
        table[obj.name.lower()] = obj
        table[obj.slug.lower()] = obj
    return table


def _paragraphs(text):
    """Plain text to rich text: every non-empty line becomes a paragraph."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return "".join(f"<p>{escape(line)}</p>" for line in lines)


def validate(rows):
    """Check every row; return (valid RowData list, list of 'row N, column: problem')."""
    regions = _lookup(Region)
    taxonomies = {column: _lookup(spec[1]) for column, spec in TAXONOMY_COLUMNS.items()}
    url_validator = URLValidator(schemes=["http", "https"])
    valid, errors, seen = [], [], {}

    for number, values in rows:
        row_errors = []

        def problem(column, message, row_errors=row_errors, number=number):
            row_errors.append(f"row {number}, {column}: {message}")

        data = RowData(row_number=number, slug=values.get("slug", ""))
        for column in REQUIRED_COLUMNS:
            if not values.get(column):
                problem(column, "required, but empty")
        if data.slug:
            try:
                validate_slug(data.slug)
            except ValidationError:
                problem("slug", f"'{data.slug}' may only hold letters, digits, - and _")
            if data.slug in seen:
                problem("slug", f"'{data.slug}' also appears in row {seen[data.slug]}")
            seen.setdefault(data.slug, number)

        for column, name in TEXT_COLUMNS.items():
            value = values.get(column, "")
            if len(value) > MAX_LENGTHS[name]:
                problem(column, f"longer than {MAX_LENGTHS[name]} characters")
            data.fields[name] = value

        region_name = values.get("regio", "")
        if region_name:
            data.fields["region"] = regions.get(region_name.lower())
            if data.fields["region"] is None:
                problem("regio", f"unknown region '{region_name}'")

        for column, (name, choices) in CHOICE_COLUMNS.items():
            value = values.get(column, "")
            if not value:
                continue
            match = [c for c, label in choices.choices if value.lower() in (c, label.lower())]
            if match:
                data.fields[name] = match[0]
            else:
                problem(column, f"unknown {name} '{value}'; use one of {', '.join(choices)}")

        for column, name in COUNT_COLUMNS.items():
            value = values.get(column, "")
            if value and not COUNT_PATTERN.match(value):
                problem(column, f"'{value}' is not a whole number")
            data.fields[name] = int(value.replace(".", "")) if COUNT_PATTERN.match(value) else None

        year = values.get("startjaar", "")
        data.fields["start_year"] = None
        if year:
            if year.isdigit() and 1990 <= int(year) <= 2100:
                data.fields["start_year"] = int(year)
            else:
                problem("startjaar", f"'{year}' is not a year between 1990 and 2100")

        website = values.get("website", "")
        data.fields["website"] = website
        if website:
            try:
                url_validator(website)
            except ValidationError:
                problem("website", f"'{website}' is not a full link starting with https://")

        data.fields["location"] = _location(values, problem)

        for column, (name, _model, noun) in TAXONOMY_COLUMNS.items():
            terms = [term.strip() for term in values.get(column, "").split("|") if term.strip()]
            found = [taxonomies[column].get(term.lower()) for term in terms]
            for term, obj in zip(terms, found, strict=True):
                if obj is None:
                    problem(column, f"unknown {noun} '{term}'")
            data.relations[name] = [obj for obj in found if obj is not None]

        for column, name in SECTION_COLUMNS.items():
            data.fields[name] = _paragraphs(values.get(column, ""))

        if row_errors:
            errors.extend(row_errors)
        else:
            valid.append(data)
    return valid, errors


def _location(values, problem):
    """The geowidget point of a row, '' when it has none; reports bad coordinates."""
    lat_text, lng_text = values.get("breedtegraad", ""), values.get("lengtegraad", "")
    if not lat_text and not lng_text:
        return ""
    if not (lat_text and lng_text):
        problem("breedtegraad" if not lat_text else "lengtegraad", "fill in both coordinates")
        return ""
    try:
        lat, lng = float(lat_text.replace(",", ".")), float(lng_text.replace(",", "."))
    except ValueError:
        problem("breedtegraad", f"'{lat_text}, {lng_text}' are not numbers")
        return ""
    if not in_netherlands(lat, lng):
        problem("breedtegraad", f"{lat}, {lng} lies outside the Netherlands")
        return ""
    return format_point(lat, lng)


def plan(valid):
    """Split valid rows into (new slugs, existing slugs)."""
    slugs = [data.slug for data in valid]
    existing = set(Partnership.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    return [s for s in slugs if s not in existing], [s for s in slugs if s in existing]


def write(valid, *, publish=False, progress=None):
    """Create or update every row in one transaction, each with a revision.

    Without ``publish`` new partnerships are drafts, and changes to a published one are
    saved as a draft revision, so the public site changes only when an editor publishes.
    """
    existing = {p.slug: p for p in Partnership.objects.filter(slug__in=[d.slug for d in valid])}
    with transaction.atomic():
        for index, data in enumerate(valid, start=1):
            partnership = existing.get(data.slug) or Partnership(slug=data.slug, live=False)
            for name, value in data.fields.items():
                setattr(partnership, name, value)
            for name, objects in data.relations.items():
                getattr(partnership, name).set(objects)
            if partnership.pk and partnership.live and not publish:
                # Keep the live row as it is; the import waits as a draft revision.
                partnership.save_revision(log_action=True)
            else:
                partnership.save()
                revision = partnership.save_revision(log_action=True)
                if publish:
                    revision.publish()
            if progress:
                progress(index, len(valid))
