"""Bulk import of region figures from a spreadsheet (CSV or XLSX); see docs/import.md.

The same three steps as the partnership import: read (shared with regions.importer),
validate every row and collect every problem, then write all rows in one transaction.
A figure is keyed by region, topic, indicator and year: importing again updates it.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction

from regions import boundaries
from regions.importer import ImportFileError, cell_text, read_rows, read_table
from regions.models import Region, RegionFigure, RegionProfilePage

REQUIRED_COLUMNS = ["regio", "onderwerp", "indicator", "waarde", "jaar", "bron"]
ALL_COLUMNS = [*REQUIRED_COLUMNS, "eenheid"]
# Dutch notation: dots group thousands (27.400), a comma marks decimals (4,5).
NUMBER_PATTERN = re.compile(r"^-?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?$")
MAX_LENGTHS = {"indicator": 120, "eenheid": 30, "bron": 200}
VALUE_LIMIT = Decimal("1e12")  # what fits in the value column (14 digits, 2 decimals)
# CBS codes of labour-market regions: AM05, or StatLine's AM0005.
STATCODE = re.compile(r"^am0*(\d{1,2})$")
# StatLine periods: 2023, 2023* (provisional), 2023JJ00 (a whole year).
PERIOD = re.compile(r"^(\d{4})(?:JJ00)?\s*\*?$")
MISSING = {"", ".", "x", "?"}  # CBS: unknown, secret, not reliable enough


@dataclass
class FigureRow:
    """One valid row, ready to be written."""

    row_number: int
    region: Region
    topic: str
    indicator: str
    value: Decimal
    unit: str
    year: int
    source: str

    @property
    def key(self):
        return (self.region.pk, self.topic, self.indicator.lower(), self.year)


def parse_number(text):
    """'27.400' → 27400, '4,5' → 4.5; None when it is not a number in Dutch notation."""
    if not NUMBER_PATTERN.match(text.replace(" ", "")):
        return None
    try:
        return Decimal(text.replace(" ", "").replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def region_lookup():
    """Lower-cased names, slugs and CBS codes (``am05``) of the regions → the region."""
    codes = boundaries.region_codes()
    regions = {}
    for region in Region.objects.all():
        regions[region.name.lower()] = region
        regions[region.slug.lower()] = region
        if region.name in codes:
            regions[codes[region.name].lower()] = region
    return regions


def find_region(text, regions):
    """The region a cell names: a name, a slug or a CBS code, as people and CBS write them.

    StatLine writes codes with four digits and trailing spaces (``AM0005  ``) and may add
    the kind to a name (``Twente (AM)``); both are understood.
    """
    text = text.strip().lower()
    code = STATCODE.match(text)
    if code:
        text = f"am{int(code.group(1)):02d}"
    found = regions.get(text)
    if found is None and text.endswith(")") and "(" in text:
        found = regions.get(text[: text.rindex("(")].strip())
    return found


def read_statline(path, *, indicator, topic, unit, source):
    """A CBS StatLine-style table → rows in the standard format, one per region and period.

    The first column names the region (name or code); every other column is a period
    (``2023``, ``2023*`` for a provisional figure, or StatLine's ``2023JJ00``). Lines above
    the header (StatLine's title) and rows without any value (its footnotes) are skipped.
    CBS marks a missing value with ``.`` or ``x``: such a cell is skipped, not an error.
    Row numbers stay those of the file, with the period: ``row 4 (2023)``.
    """
    table = read_table(path, sniff_lines=5)
    start = next(
        (
            index
            for index, cells in enumerate(table)
            if any(PERIOD.match(cell_text(cell)) for cell in cells[1:])
        ),
        None,
    )
    if start is None:
        raise ImportFileError(
            "No header with periods found: the first row of a StatLine table names the "
            "region column and then periods such as 2023 or 2023JJ00."
        )
    periods = []
    for text in [cell_text(cell) for cell in table[start][1:]]:
        if not text:
            periods.append(None)
            continue
        match = PERIOD.match(text)
        if match is None:
            raise ImportFileError(
                f"Column '{text[:40]}' is not a period such as 2023, 2023* or 2023JJ00."
            )
        periods.append(match.group(1))
    rows = []
    for number, cells in enumerate(table[start + 1 :], start=start + 2):
        texts = [cell_text(cell) for cell in cells]
        if not texts or not any(texts[1:]):
            continue
        for year, text in zip(periods, texts[1:], strict=False):
            if year is None or text in MISSING:
                continue
            value = "0" if text == "-" else text  # CBS: "-" is nil
            rows.append(
                (
                    f"{number} ({year})",
                    {
                        "regio": texts[0],
                        "onderwerp": topic,
                        "indicator": indicator,
                        "waarde": value,
                        "eenheid": unit,
                        "jaar": year,
                        "bron": source,
                    },
                )
            )
    if not rows:
        raise ImportFileError(f"{Path(path).name} has a header but no values.")
    return rows


def validate(rows):
    """Check every row; return (valid rows, problems, notes).

    Problems stop the import. Notes do not: rows of a known region without a profile page
    are skipped, so one national file can be loaded while profiles are still being made.
    """
    regions = region_lookup()
    with_profile = set(RegionProfilePage.objects.values_list("region_id", flat=True))
    topics = {}
    for value, label in RegionFigure.Topic.choices:
        topics[value] = value
        topics[label.lower()] = value
    valid, problems, skipped, seen = [], [], {}, {}

    for number, values in rows:
        row_problems = []

        def problem(column, message, row_problems=row_problems, number=number):
            row_problems.append(f"row {number}, {column}: {message}")

        for column in REQUIRED_COLUMNS:
            if not values.get(column):
                problem(column, "required, but empty")
        for column, limit in MAX_LENGTHS.items():
            if len(values.get(column, "")) > limit:
                problem(column, f"longer than {limit} characters")

        region_name = values.get("regio", "")
        region = find_region(region_name, regions)
        if region_name and region is None:
            problem("regio", f"unknown region '{region_name}'; nothing is created for it")
        topic_name = values.get("onderwerp", "")
        topic = topics.get(topic_name.lower())
        if topic_name and topic is None:
            problem("onderwerp", f"unknown topic '{topic_name}'; use onderwijs or arbeidsmarkt")
        value_text = values.get("waarde", "")
        value = parse_number(value_text)
        if value_text and (value is None or abs(value) >= VALUE_LIMIT):
            problem("waarde", f"'{value_text}' is not a number like 27400, 27.400 or 4,5")
        year_text = values.get("jaar", "")
        if year_text and not (year_text.isdigit() and 1990 <= int(year_text) <= 2100):
            problem("jaar", f"'{year_text}' is not a year between 1990 and 2100")

        if row_problems:
            problems.extend(row_problems)
            continue
        row = FigureRow(
            row_number=number,
            region=region,
            topic=topic,
            indicator=values["indicator"],
            value=value,
            unit=values.get("eenheid", ""),
            year=int(year_text),
            source=values["bron"],
        )
        if row.key in seen:
            problems.append(
                f"row {number}, indicator: '{row.indicator}' ({row.year}) for {region.name} "
                f"also appears in row {seen[row.key]}"
            )
            continue
        seen[row.key] = number
        if region.pk not in with_profile:
            skipped.setdefault(region.name, 0)
            skipped[region.name] += 1
            continue
        valid.append(row)
    notes = [
        f"{name}: no profile page, {count} row(s) skipped (create the profile in the admin)"
        for name, count in sorted(skipped.items())
    ]
    return valid, problems, notes


def write(valid, *, progress=None):
    """Update figures with the same key and add new ones, all in one transaction.

    The figures are part of the page, so each profile gets a new revision, just as an
    editor's change would (otherwise the next publish from the admin would drop them).
    A live profile without pending changes is published at once; one with a draft waiting
    keeps the import as a draft too, so nobody's unfinished work goes live by accident.
    Figures not in the file are left alone. Returns (created, updated, draft titles).
    """
    by_region = {}
    for row in valid:
        by_region.setdefault(row.region.pk, []).append(row)
    created = updated = 0
    drafts = []
    with transaction.atomic():
        profiles = RegionProfilePage.objects.filter(region_id__in=by_region).order_by("title")
        for index, profile in enumerate(profiles, start=1):
            publish = profile.live and not profile.has_unpublished_changes
            page = profile.get_latest_revision_as_object()
            figures = list(page.figures.all())
            by_key = {(f.topic, f.indicator.lower(), f.year): f for f in figures}
            for row in by_region[profile.region_id]:
                figure = by_key.get((row.topic, row.indicator.lower(), row.year))
                if figure is None:
                    figure = RegionFigure(topic=row.topic, year=row.year)
                    figures.append(figure)
                    created += 1
                else:
                    updated += 1
                figure.indicator = row.indicator
                figure.value = row.value
                figure.unit = row.unit
                figure.source = row.source
            for position, figure in enumerate(figures):
                figure.sort_order = position
            page.figures = figures
            revision = page.save_revision(log_action=True)
            if publish:
                revision.publish()
            else:
                drafts.append(profile.title)
            if progress:
                progress(index, len(profiles))
    return created, updated, drafts


def read_figure_rows(path):
    return read_rows(path, required=REQUIRED_COLUMNS, known=ALL_COLUMNS)
