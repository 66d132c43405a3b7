"""Filters of the case index: goal, region, theme and sector, as one plain GET form.

Region, theme and sector come from the partnership a case is about, so a programme-level
case (without a partnership) only shows when none of those three is chosen. Unknown values
are ignored with a Dutch note, never an error page (see core.filters).
"""

from django_filters import ChoiceFilter

from core.filters import PublicFilterSet
from regions.filters import TaxonomyFilter
from regions.models import Region, Sector, Theme


def goal_choices():
    # Read when a form is drawn; imported here because the case models import this module.
    from cases.models import GoalPage

    goals = GoalPage.objects.live().order_by("number").values_list("pk", "number", "short_title")
    return [(pk, f"Doel {number}: {short_title}") for pk, number, short_title in goals]


class CaseFilterSet(PublicFilterSet):
    """Filters the case pages it is given. Many-to-many filters may repeat a case."""

    doel = ChoiceFilter(
        field_name="goals__pk", label="Doel", empty_label="Alle doelen", choices=goal_choices
    )
    regio = TaxonomyFilter(
        Region, field_name="partnership__region__slug", label="Regio", empty_label="Alle regio's"
    )
    thema = TaxonomyFilter(
        Theme, field_name="partnership__themes__slug", label="Thema", empty_label="Alle thema's"
    )
    sector = TaxonomyFilter(
        Sector,
        field_name="partnership__sectors__slug",
        label="Sector",
        empty_label="Alle sectoren",
    )


FILTER_PARAMETERS = CaseFilterSet.parameters()
