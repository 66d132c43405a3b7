"""Filters of the network map, shared by the list, the GeoJSON and the CSV.

One plain GET form with Dutch parameter names (``?regio=twente&sector=ict``), so a
filtered view is a shareable URL and works without JavaScript. Unknown values are
ignored with a note instead of failing (see core.filters): the URL may come from an old
link or a typo.
"""

from functools import partial

from django import forms
from django.db.models import Exists, OuterRef, Q
from django_filters import CharFilter, ChoiceFilter

from core.filters import FilterForm, PublicFilterSet

from .models.partnership import Partner, Partnership
from .models.taxonomy import FundingSource, Province, Region, Sector, Theme

MAX_QUERY_LENGTH = 200


def slug_choices(model):
    return model.objects.values_list("slug", "name")


class TaxonomyFilter(ChoiceFilter):
    """One term of a taxonomy, by slug. Its terms are read only when needed, in one query:
    to check a given value or to draw the field (so an unfiltered open-data file reads
    no taxonomy at all)."""

    def __init__(self, model, **kwargs):
        super().__init__(choices=partial(slug_choices, model), **kwargs)


class SearchTextField(forms.CharField):
    """Free text without control characters (a NUL byte cannot reach PostgreSQL)."""

    def to_python(self, value):
        value = super().to_python(value)
        return "".join(ch for ch in value if ch.isprintable()).strip()


class SearchTextFilter(CharFilter):
    field_class = SearchTextField


class PartnershipFilterForm(FilterForm):
    """The filters' form: a search text that is too long is cut short, with a note."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.truncated = False  # set by clean_q when the search text was cut short

    def clean_q(self):
        value = self.cleaned_data["q"]
        if len(value) > MAX_QUERY_LENGTH:
            self.truncated = True
            value = value[:MAX_QUERY_LENGTH]
        return value

    def notes(self):
        notes = super().notes()
        if self.truncated:
            notes.append(
                f"Uw zoekterm was te lang; we hebben de eerste {MAX_QUERY_LENGTH} tekens gebruikt."
            )
        return notes


class PartnershipFilterSet(PublicFilterSet):
    """The filters above the map; every filter is optional and takes one value.

    Region, province and the region-name part of the free text are turned into a list of
    region ids first (one small query each): every condition then lies on the
    partnership's own row, and PostgreSQL tests the cheap region condition before the
    text search instead of searching every partnership's summary before joining. Each
    many-to-many filter joins on one value, so rows never duplicate: no distinct().
    """

    q = SearchTextFilter(label="Zoek op naam, plaats of partner", method="filter_text")
    regio = TaxonomyFilter(
        Region,
        field_name="slug",
        label="Arbeidsmarktregio",
        empty_label="Alle regio's",
        method="filter_region",
    )
    provincie = TaxonomyFilter(
        Province,
        field_name="province__slug",
        label="Provincie",
        empty_label="Alle provincies",
        method="filter_region",
    )
    soort = ChoiceFilter(
        field_name="kind",
        label="Soort",
        empty_label="Alle soorten",
        choices=Partnership.Kind.choices,
    )
    sector = TaxonomyFilter(
        Sector, field_name="sectors__slug", label="Sector", empty_label="Alle sectoren"
    )
    thema = TaxonomyFilter(
        Theme, field_name="themes__slug", label="Thema", empty_label="Alle thema's"
    )
    financiering = TaxonomyFilter(
        FundingSource,
        field_name="funding_sources__slug",
        label="Financiering",
        empty_label="Alle bronnen",
    )
    status = ChoiceFilter(
        field_name="status",
        label="Status",
        empty_label="Alle statussen",
        choices=Partnership.Status.choices,
    )

    class Meta:
        form = PartnershipFilterForm

    def filter_region(self, queryset, name, value):
        """``name`` is the lookup on Region that selects the partnerships' regions."""
        return queryset.filter(region_id__in=region_ids(**{name: value}))

    def filter_text(self, queryset, name, value):
        partner_match = Partner.objects.filter(
            partnership=OuterRef("pk"), organisation__icontains=value
        )
        return queryset.filter(
            Q(name__icontains=value)
            | Q(summary__icontains=value)
            | Q(city__icontains=value)
            | Q(region_id__in=region_ids(name__icontains=value))
            | Exists(partner_match)
        )


def region_ids(**lookup):
    return list(Region.objects.filter(**lookup).values_list("pk", flat=True))


# The query-string parameters the filters use, in form order.
FILTER_PARAMETERS = PartnershipFilterSet.parameters()
