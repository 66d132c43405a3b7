"""The monitor page "Het netwerk in beeld": where the network is strong, where gaps are."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.models import BasePage, PlacedByParentMixin
from regions.charts import Bar, Chart, bar_chart_svg, reach_chart_svg
from regions.monitor import AMBITION, build_monitor, monitor_csv

from .partnership import Partnership
from .taxonomy import Region

# The network map's filters that the monitor offers; other parameters are ignored.
MONITOR_FILTERS = ("provincie", "soort")


class NetworkMonitorPage(RoutablePageMixin, PlacedByParentMixin, BasePage):
    """ "Het netwerk in beeld": the published partnerships per region and theme (once).

    Placed under a programme page (which lists it in its ``subpage_types``). Shows a
    region × theme table with the gaps of the two neglected themes marked, the SME reach
    per region against the 15–25 % ambition (from the region profiles' figures), the
    companies and students reached, charts drawn on the server, and ``cijfers.csv`` with
    the same numbers. Filters: province and kind. Never typed twice: everything comes
    from the partnerships and the region figures (regions/monitor.py).
    """

    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "Netwerk in beeld"
        verbose_name_plural = "Netwerk in beeld"

    def get_cached_paths(self):
        """What a CDN must drop when the numbers change: the page and its CSV."""
        return ["/", "cijfers.csv"]

    def filters(self, request):
        data = {name: request.GET[name] for name in MONITOR_FILTERS if name in request.GET}
        # Not at the top: regions.filters imports the models, and regions.models imports this
        # module (regions/tests/test_import_order.py; as on the network map page).
        from regions.filters import PartnershipFilterSet

        return PartnershipFilterSet(data, queryset=Partnership.objects.published())

    def monitor(self, filters):
        regions = Region.objects.select_related("province").order_by("province__name", "name")
        province = filters.active.get("provincie")
        if province:
            regions = regions.filter(province__slug=province)
        return build_monitor(filters.qs, list(regions))

    @path("")
    def index_route(self, request):
        filters = self.filters(request)
        monitor = self.monitor(filters)
        query = filters.querystring()
        reach = reach_chart_svg(
            "Mkb-bedrijven bereikt door een pps, per regio (%)",
            [Bar(row.region.name, row.sme_reach, "%") for row in monitor.rows],
            AMBITION,
            "grafiek-mkb",
        )
        counts = bar_chart_svg(
            Chart(
                "Gepubliceerde samenwerkingen per regio",
                tuple(Bar(row.region.name, row.partnerships) for row in monitor.rows),
            ),
            "grafiek-samenwerkingen",
        )
        csv_url = self.get_url(request) + self.reverse_subpage("csv").rstrip("/")
        return self.render(
            request,
            context_overrides={
                "monitor": monitor,
                "form": filters.form,
                "notes": filters.notes,
                "ambition": AMBITION,
                "reach_chart": reach,
                "count_chart": counts,
                "csv_url": f"{csv_url}?{query}" if query else csv_url,
            },
        )

    @path("cijfers.csv/", name="csv")
    def csv_route(self, request):
        return monitor_csv(self.monitor(self.filters(request)))
