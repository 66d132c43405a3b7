"""Filters of the case index: goal, region, theme and sector, as one plain GET form.

Region, theme and sector come from the partnership a case is about, so a programme-level
case (without a partnership) only shows when none of those three is chosen. Unknown values
are ignored with a Dutch note, never an error page.
"""

from urllib.parse import urlencode

from django import forms

from core.filters import bind_filters
from regions.models import Region, Sector, Theme

FILTER_PARAMETERS = ["doel", "regio", "thema", "sector"]
LOOKUPS = {
    "doel": "goals__pk",
    "regio": "partnership__region__slug",
    "thema": "partnership__themes__slug",
    "sector": "partnership__sectors__slug",
}


class CaseFilterForm(forms.Form):
    doel = forms.TypedChoiceField(label="Doel", required=False, coerce=int, empty_value=None)
    regio = forms.ChoiceField(label="Regio", required=False)
    thema = forms.ChoiceField(label="Thema", required=False)
    sector = forms.ChoiceField(label="Sector", required=False)

    def __init__(self, data, goals):
        """``goals``: the goal pages to choose from (the case models import this module)."""
        super().__init__(data)
        goals = goals.order_by("number").values_list("pk", "number", "short_title")
        self.fields["doel"].choices = [("", "Alle doelen")] + [
            (pk, f"Doel {number}: {short_title}") for pk, number, short_title in goals
        ]
        for name, model, empty in [
            ("regio", Region, "Alle regio's"),
            ("thema", Theme, "Alle thema's"),
            ("sector", Sector, "Alle sectoren"),
        ]:
            self.fields[name].choices = [("", empty)] + list(
                model.objects.values_list("slug", "name")
            )


def read_filters(request, goals):
    """Bind the form to the query string; keep the valid values and note the others."""
    return bind_filters(CaseFilterForm(request.GET or None, goals))


def querystring(active):
    return urlencode([(name, active[name]) for name in FILTER_PARAMETERS if name in active])


def apply_filters(queryset, active):
    for name, lookup in LOOKUPS.items():
        if name in active:
            queryset = queryset.filter(**{lookup: active[name]})
    return queryset
