"""The numbers of the monitor page "Het netwerk in beeld", from the partnership data.

Published partnerships only, and only their public fields (region, themes, kind and the
two counts): drafts and conversations never count. A fixed number of queries whatever
the number of partnerships: the regions, the themes, the region × theme counts, the
per-region sums and the SME reach figures of the region profiles.

The SME reach ("Mkb-bedrijven bereikt door een pps", in %) is a figure of the region
profile (typed or imported; regions/figures_import.py), the newest year per region. The
programme's ambition is that a region reaches 15 to 25 % of its SMEs; most reach 4–6 %.
"""

import csv
import io
from dataclasses import dataclass, field

from django.db.models import Count, Sum
from django.http import HttpResponse

from core.spreadsheet import safe_row

from .models.profiles import DEMO_SOURCE, RegionFigure
from .models.taxonomy import Region, Theme
from .regionmap import MKB_REACH

AMBITION = (15, 25)  # per cent of a region's SMEs
# The two themes the programme names as getting structurally too little attention.
NEGLECTED_THEMES = ("leven-lang-ontwikkelen-en-omscholing", "diversiteit-en-vrouwen-in-ict")


@dataclass
class RegionRow:
    """One row of the monitor: a region's partnerships, counts per theme and reach."""

    region: Region
    partnerships: int = 0
    companies: int = 0
    students: int = 0
    themes: list = field(default_factory=list)  # counts, in the order of Monitor.themes
    sme_reach: object = None  # Decimal per cent, or None when unknown
    sme_year: int = None
    sme_is_demo: bool = False

    @property
    def reach_status(self):
        """ "onder", "binnen" or "boven" the ambition; "" when unknown."""
        if self.sme_reach is None:
            return ""
        if self.sme_reach < AMBITION[0]:
            return "onder"
        return "binnen" if self.sme_reach <= AMBITION[1] else "boven"


@dataclass
class Monitor:
    themes: list
    rows: list

    @property
    def neglected_columns(self):
        """Indexes of the neglected themes' columns."""
        return [i for i, theme in enumerate(self.themes) if theme.slug in NEGLECTED_THEMES]

    @property
    def has_demo_figures(self):
        return any(row.sme_is_demo for row in self.rows)

    def neglected_gaps(self):
        """(theme, [region names without a partnership on it]) per neglected theme."""
        return [
            (self.themes[i], [row.region.name for row in self.rows if not row.themes[i]])
            for i in self.neglected_columns
        ]


def build_monitor(partnerships, regions):
    """The monitor of ``partnerships`` (a published, filtered queryset) over ``regions``."""
    themes = list(Theme.objects.order_by("name"))
    rows = {region.pk: RegionRow(region, themes=[0] * len(themes)) for region in regions}
    column = {theme.pk: index for index, theme in enumerate(themes)}
    # From the partnerships to their theme links: one join, grouped per region and theme.
    links = (
        partnerships.order_by()
        .filter(themes__isnull=False)
        .values_list("region_id", "themes")
        .annotate(count=Count("pk"))
    )
    for region_id, theme_id, count in links:
        if region_id in rows:
            rows[region_id].themes[column[theme_id]] = count
    totals = (
        partnerships.order_by()
        .values_list("region_id")
        .annotate(
            count=Count("pk"), companies=Sum("companies_count"), students=Sum("students_count")
        )
    )
    for region_id, count, companies, students in totals:
        if region_id in rows:
            row = rows[region_id]
            row.partnerships, row.companies, row.students = count, companies or 0, students or 0
    figures = (
        RegionFigure.objects.filter(
            indicator=MKB_REACH, page__live=True, page__region_id__in=list(rows)
        )
        .order_by("year")
        .values_list("page__region_id", "value", "year", "source")
    )
    for region_id, value, year, source in figures:  # the newest year is read last
        row = rows[region_id]
        row.sme_reach, row.sme_year = value, year
        row.sme_is_demo = source.startswith(DEMO_SOURCE)
    return Monitor(themes=themes, rows=list(rows.values()))


CSV_HEADER = ["regio", "provincie", "samenwerkingen", "bedrijven", "studenten"]


def monitor_csv(monitor, filename="netwerk-in-beeld.csv"):
    """The monitor's numbers as CSV (UTF-8 with BOM for Excel), formula-safe."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(
        safe_row(
            [
                *CSV_HEADER,
                *(f"thema: {theme.name}" for theme in monitor.themes),
                "mkb-bereik (%)",
                "mkb-bereik jaar",
                "mkb-bereik demogegevens",
            ]
        )
    )
    for row in monitor.rows:
        writer.writerow(
            safe_row(
                [
                    row.region.name,
                    row.region.province.name,
                    row.partnerships,
                    row.companies,
                    row.students,
                    *row.themes,
                    "" if row.sme_reach is None else row.sme_reach,
                    row.sme_year or "",
                    "ja" if row.sme_is_demo else ("nee" if row.sme_reach is not None else ""),
                ]
            )
        )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
