"""The figures a visitor can colour the regions by on ``/regios/`` (``?cijfer=...``).

Plain values only: the region index (regions/models/profiles.py) gathers the numbers in a
fixed number of queries and regions/choropleth.py draws them.
"""

from dataclasses import dataclass
from decimal import Decimal

from regions.charts import format_value
from regions.choropleth import Area

PARAMETER = "cijfer"
# The region figure (typed in a profile or imported) the "mkb reach" colouring reads.
MKB_REACH = "Mkb-bedrijven bereikt door een pps"


@dataclass(frozen=True)
class Metric:
    """One way to colour the map: its URL value, its Dutch name and how a value reads."""

    key: str
    label: str
    one: str = ""
    many: str = ""
    unit: str = ""
    source: str = ""


METRICS = {
    metric.key: metric
    for metric in (
        Metric(
            "samenwerkingen",
            "Gepubliceerde samenwerkingen",
            "samenwerking",
            "samenwerkingen",
            source="de netwerkkaart van deze website, zoals die nu is",
        ),
        Metric(
            "bedrijven",
            "Betrokken bedrijven",
            "bedrijf",
            "bedrijven",
            source="de aantallen die de samenwerkingen op de netwerkkaart opgeven",
        ),
        Metric(
            "mkb",
            "Mkb-bedrijven bereikt door een pps",
            unit="%",
            source="de kerncijfers van de regioprofielen; jaar en bron staan per regio in de tabel",
        ),
    )
}
DEFAULT = "samenwerkingen"


@dataclass(frozen=True)
class SourcedValue:
    """A figure with the year and source it comes from; ``is_demo`` for invented ones."""

    value: Decimal
    unit: str
    year: int
    source: str
    is_demo: bool

    @property
    def text(self):
        return format_value(self.value, self.unit)


@dataclass(frozen=True)
class RegionRow:
    """A region's row of the table under the map."""

    region: object
    province: object
    url: str
    partnerships: int
    companies: int  # None: the partnerships give no number
    mkb: SourcedValue  # None: no published profile has the figure


def chosen_metric(value):
    """(metric, Dutch problem or ""): an unknown choice shows the default and says so."""
    if not value:
        return METRICS[DEFAULT], ""
    if value in METRICS:
        return METRICS[value], ""
    return (
        METRICS[DEFAULT],
        f"De kaart kan niet kleuren naar '{value[:40]}'. "
        f"Ze toont nu het aantal {METRICS[DEFAULT].label.lower()}.",
    )


def value_of(metric, row):
    """(number or None, how it reads) of one region for the chosen metric."""
    if metric.key == "mkb":
        if row.mkb is None:
            return None, "geen gegevens"
        return row.mkb.value, f"{row.mkb.text} ({row.mkb.year})"
    number = row.partnerships if metric.key == "samenwerkingen" else row.companies
    if number is None:
        return None, "geen gegevens"
    return number, f"{format_value(number)} {metric.one if number == 1 else metric.many}"


def area(metric, row):
    """What the map draws for one region; a region without a profile links to its list row."""
    value, text = value_of(metric, row)
    return Area(
        name=row.region.name, url=row.url or f"#regio-{row.region.slug}", value=value, text=text
    )
