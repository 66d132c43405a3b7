"""Filters of the agenda and its archive: region, theme and month, as one plain GET form.

Unknown values (an old link, a typo, a tampered URL) are ignored with a Dutch note,
never an error page (see core.filters).
"""

from django.utils import formats, timezone
from django_filters import ChoiceFilter

from core.filters import PublicFilterSet
from regions.filters import TaxonomyFilter
from regions.models import Region, Theme


class EventFilterSet(PublicFilterSet):
    """Filters the meetings it is given; the months to choose from are the ones they have."""

    regio = TaxonomyFilter(
        Region, field_name="region__slug", label="Regio", empty_label="Alle regio's"
    )
    thema = TaxonomyFilter(
        Theme, field_name="themes__slug", label="Thema", empty_label="Alle thema's"
    )
    maand = ChoiceFilter(label="Maand", empty_label="Alle maanden", method="filter_month")

    def prepare_filters(self):
        self.filters["maand"].extra["choices"] = self.month_choices
        super().prepare_filters()

    def month_choices(self):
        # Months as they are in Amsterdam (the current time zone), in the list's order.
        months = self.queryset.datetimes("start", "month", tzinfo=timezone.get_current_timezone())
        return [(month.strftime("%Y-%m"), formats.date_format(month, "F Y")) for month in months]

    def filter_month(self, queryset, name, value):
        # The value is one of month_choices (the form checked it): "2027-03".
        year, month = (int(part) for part in value.split("-"))
        return queryset.filter(start__year=year, start__month=month)


FILTER_PARAMETERS = EventFilterSet.parameters()
