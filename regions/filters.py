"""Filters of the network map, shared by the list, the GeoJSON and the CSV.

One plain GET form with Dutch parameter names (``?regio=twente&sector=ict``), so a
filtered view is a shareable URL and works without JavaScript. Unknown values are
ignored with a note instead of failing: the URL may come from an old link or a typo.
"""

from functools import cache, partial
from urllib.parse import urlencode

from django import forms
from django.db.models import Exists, OuterRef, Q

from .models.partnership import Partner, Partnership
from .models.taxonomy import FundingSource, Province, Region, Sector, Theme

MAX_QUERY_LENGTH = 200

# Parameter name → (model, empty choice) of the filters that take a slug.
SLUG_FILTERS = {
    "regio": (Region, "Alle regio's"),
    "provincie": (Province, "Alle provincies"),
    "sector": (Sector, "Alle sectoren"),
    "thema": (Theme, "Alle thema's"),
    "financiering": (FundingSource, "Alle bronnen"),
}
# Parameter name → the lookup on Region that selects the partnerships' regions.
REGION_LOOKUPS = {"regio": "slug", "provincie": "province__slug"}
# Parameter name → the lookup that filters partnerships by the other filters.
LOOKUPS = {
    "sector": "sectors__slug",
    "thema": "themes__slug",
    "financiering": "funding_sources__slug",
    "soort": "kind",
    "status": "status",
}
# The query-string parameters the filters use, in form order.
FILTER_PARAMETERS = [
    "q",
    "regio",
    "provincie",
    "soort",
    "sector",
    "thema",
    "financiering",
    "status",
]


def _taxonomy_choices(model, empty_label):
    return [("", empty_label), *model.objects.values_list("slug", "name")]


class SearchTextField(forms.CharField):
    """Free text without control characters (a NUL byte cannot reach PostgreSQL)."""

    def to_python(self, value):
        value = super().to_python(value)
        return "".join(ch for ch in value if ch.isprintable()).strip()


class PartnershipFilterForm(forms.Form):
    """The filters above the map; every field is optional and takes one value."""

    q = SearchTextField(label="Zoek op naam, plaats of partner", required=False)
    regio = forms.ChoiceField(label="Arbeidsmarktregio", required=False)
    provincie = forms.ChoiceField(label="Provincie", required=False)
    soort = forms.ChoiceField(
        label="Soort",
        required=False,
        choices=[("", "Alle soorten")] + Partnership.Kind.choices,
    )
    sector = forms.ChoiceField(label="Sector", required=False)
    thema = forms.ChoiceField(label="Thema", required=False)
    financiering = forms.ChoiceField(label="Financiering", required=False)
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Alle statussen")] + Partnership.Status.choices,
    )

    def __init__(self, data=None):
        super().__init__(data)
        self.truncated = False  # set by clean_q when the search text was cut short
        # One small query per taxonomy, however many partnerships there are, and only
        # when needed: to check a given value or to draw the field. The open data files
        # draw no form, so an unfiltered file reads no taxonomy at all.
        for name, (model, empty_label) in SLUG_FILTERS.items():
            self.fields[name].choices = cache(partial(_taxonomy_choices, model, empty_label))

    def clean_q(self):
        value = self.cleaned_data["q"]
        if len(value) > MAX_QUERY_LENGTH:
            self.truncated = True
            value = value[:MAX_QUERY_LENGTH]
        return value

    def active_filters(self):
        """The valid, non-empty filter values, by parameter name."""
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}

    def querystring(self):
        """The valid filters as a query string, for links to other pages and formats."""
        active = self.active_filters()
        return urlencode([(name, active[name]) for name in FILTER_PARAMETERS if name in active])

    def notes(self):
        """Dutch notes on what was ignored or shortened, for the page."""
        notes = []
        for name in self.errors:
            notes.append(
                f"Het filter ‘{self.fields[name].label}’ had een onbekende waarde en is genegeerd."
            )
        if self.truncated:
            notes.append(
                f"Uw zoekterm was te lang; we hebben de eerste {MAX_QUERY_LENGTH} tekens gebruikt."
            )
        return notes


def read_filters(request):
    """Bind the filter form to the query string and keep only what is valid.

    Invalid values become notes (``form.ignored``) and are dropped; the form is then bound
    to the cleaned values, so it shows exactly the filters that were applied.
    """
    form = PartnershipFilterForm(request.GET or None)
    form.ignored = []
    if form.is_bound:
        form.is_valid()
        form.ignored = form.notes()
        # Show the cleaned values (no control characters, no rejected choices).
        form.data = form.active_filters()
        form._errors = None
        form.is_valid()
    return form


def apply_filters(queryset, filters):
    """Narrow ``queryset`` by the valid filters of the form (``active_filters()``).

    Region, province and the region-name part of the free text are turned into a list of
    region ids first (one small query each): every condition then lies on the
    partnership's own row, and PostgreSQL tests the cheap region condition before the
    text search instead of searching every partnership's summary before joining.
    """
    for name, lookup in LOOKUPS.items():
        if name in filters:
            queryset = queryset.filter(**{lookup: filters[name]})
    for name, lookup in REGION_LOOKUPS.items():
        if name in filters:
            queryset = queryset.filter(region_id__in=_region_ids(**{lookup: filters[name]}))
    text = filters.get("q")
    if text:
        partner_match = Partner.objects.filter(
            partnership=OuterRef("pk"), organisation__icontains=text
        )
        queryset = queryset.filter(
            Q(name__icontains=text)
            | Q(summary__icontains=text)
            | Q(city__icontains=text)
            | Q(region_id__in=_region_ids(name__icontains=text))
            | Exists(partner_match)
        )
    # Each many-to-many filter joins on one value, so rows never duplicate: no distinct().
    return queryset


def _region_ids(**lookup):
    return list(Region.objects.filter(**lookup).values_list("pk", flat=True))
