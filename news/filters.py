"""Filters of the news index: theme, region and year as one plain GET form.

Unknown values (an old link, a typo, a tampered URL) are ignored with a Dutch note,
never an error page.
"""

from urllib.parse import urlencode

from django import forms

from core.filters import bind_filters
from regions.models import Region, Theme

FILTER_PARAMETERS = ["thema", "regio", "jaar"]


class NewsFilterForm(forms.Form):
    thema = forms.ChoiceField(label="Thema", required=False)
    regio = forms.ChoiceField(label="Regio", required=False)
    jaar = forms.TypedChoiceField(label="Jaar", required=False, coerce=int, empty_value=None)

    def __init__(self, data, years):
        super().__init__(data)
        self.fields["thema"].choices = [("", "Alle thema's")] + list(
            Theme.objects.values_list("slug", "name")
        )
        self.fields["regio"].choices = [("", "Alle regio's")] + list(
            Region.objects.values_list("slug", "name")
        )
        self.fields["jaar"].choices = [("", "Alle jaren")] + [(year, year) for year in years]


def read_filters(request, years):
    """Bind the form to the query string; keep the valid values and note the others."""
    return bind_filters(NewsFilterForm(request.GET or None, years))


def querystring(active):
    return urlencode([(name, active[name]) for name in FILTER_PARAMETERS if name in active])


def apply_filters(queryset, active):
    if "thema" in active:
        queryset = queryset.filter(themes__slug=active["thema"])
    if "regio" in active:
        queryset = queryset.filter(regions__slug=active["regio"])
    if "jaar" in active:
        queryset = queryset.filter(date__year=active["jaar"])
    return queryset
