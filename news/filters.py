"""Filters of the news index: theme, region and year, as one plain GET form.

Unknown values (an old link, a typo, a tampered URL) are ignored with a Dutch note,
never an error page (see core.filters).
"""

from django_filters import ChoiceFilter

from core.filters import PublicFilterSet
from regions.filters import TaxonomyFilter
from regions.models import Region, Theme


class NewsFilterSet(PublicFilterSet):
    """Filters the news items it is given; the years to choose from are the ones they have."""

    thema = TaxonomyFilter(
        Theme, field_name="themes__slug", label="Thema", empty_label="Alle thema's"
    )
    regio = TaxonomyFilter(
        Region, field_name="regions__slug", label="Regio", empty_label="Alle regio's"
    )
    jaar = ChoiceFilter(
        field_name="date", lookup_expr="year", label="Jaar", empty_label="Alle jaren"
    )

    def prepare_filters(self):
        self.filters["jaar"].extra["choices"] = self.year_choices
        super().prepare_filters()

    def year_choices(self):
        return [(day.year, day.year) for day in self.queryset.dates("date", "year", order="DESC")]


FILTER_PARAMETERS = NewsFilterSet.parameters()
