"""Page types of the regional network."""

from django.db.models import Max, Prefetch
from django.shortcuts import get_object_or_404
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.listing import FilteredListingMixin
from core.models import BasePage, PlacedByParentMixin

from .partnership import Conversation, Partnership

RESULTS_PER_PAGE = 20
# The public relations of a partnership that its write-up and its change form show.
PUBLIC_RELATIONS = ("sectors", "themes", "education_levels", "funding_sources", "partners")


class NetworkMapPage(FilteredListingMixin, RoutablePageMixin, PlacedByParentMixin, BasePage):
    """The network map (``/netwerkkaart/``), once, directly under the home page.

    Besides the map with its filters and accessible list, it serves every published
    partnership's fixed-format write-up (``/netwerkkaart/<slug>/``) and the open data
    (``kaart.geojson``, ``export.csv``). Partnerships are snippets, not pages, so the
    write-ups are routes of this page.
    """

    subpage_types = []
    max_count = 1

    per_page = RESULTS_PER_PAGE

    class Meta:
        verbose_name = "Netwerkkaart"
        verbose_name_plural = "Netwerkkaarten"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["map_page"] = self
        return context

    def get_cached_paths(self):
        """What a CDN must drop when the map changes: the page and its open data files."""
        return ["/", "kaart.geojson", "export.csv"]

    def file_url(self, name, request=None):
        """The URL of an open-data route: a file name, without the slash routes end in.

        Wagtail's page URLs allow no dots, so cms/urls.py sends these file names here.
        """
        return self.get_url(request) + self.reverse_subpage(name).rstrip("/")

    def partnership_url(self, partnership, request=None):
        """The URL of a partnership's write-up (the model itself does not know this page).

        This page's URL plus the slug, the ``partnership`` route below. Lists call this for
        every row (a region profile lists a hundred and more), so the page's own URL is
        worked out once per request rather than reversed per row.
        """
        urls = getattr(request, "map_page_urls", None)
        if urls is None:
            urls = {}
            if request is not None:
                request.map_page_urls = urls
        if self.pk not in urls:
            urls[self.pk] = self.get_url(request)
        return f"{urls[self.pk]}{partnership.slug}/"

    def get_sitemap_urls(self, request=None):
        """This page, dated by its newest change or its newest partnership's.

        The write-ups have a sitemap section of their own (regions/sitemaps.py). The map
        lists the partnerships, so it changed when the newest of them did.
        """
        (own,) = super().get_sitemap_urls(request)
        newest = Partnership.objects.published().aggregate(newest=Max("updated_at"))["newest"]
        if newest is not None and (own["lastmod"] is None or newest > own["lastmod"]):
            own["lastmod"] = newest
        return [own]

    @property
    def filterset_class(self):
        # Imported here (and regions.opendata in the routes), not at the top:
        # regions.filters and regions.opendata import the models, and regions.models
        # imports this module, so a top-level import worked only when regions.models was
        # imported first (regions/tests/test_import_order.py).
        from regions.filters import PartnershipFilterSet

        return PartnershipFilterSet

    def listing_items(self):
        return Partnership.objects.published()

    def arrange_listing(self, queryset):
        return (
            queryset.select_related("region__province")
            .prefetch_related("sectors", "themes")
            .defer(*Partnership.FIXED_SECTIONS)  # long texts the list does not show
            .order_by("name", "pk")
        )

    @path("")
    def index_route(self, request):
        """The map, the filters and the paginated list of published partnerships."""
        return self.render(
            request,
            context_overrides={
                **self.listing_context(request),
                "geojson_url": self.file_url("geojson", request),
                "csv_url": self.file_url("csv", request),
                "proposal_url": self.get_url(request) + self.reverse_subpage("proposal_new"),
            },
        )

    @path("kaart.geojson/", name="geojson")
    def geojson_route(self, request):
        from regions.opendata import geojson_response  # not at the top: see filterset_class

        return self.data_file(request, geojson_response)

    @path("export.csv/", name="csv")
    def csv_route(self, request):
        from regions.opendata import csv_response  # not at the top: see filterset_class

        return self.data_file(request, csv_response)

    def data_file(self, request, respond):
        """An open-data file of the filtered partnerships, written by ``respond``."""
        from regions.opendata import conditional_data_response  # see filterset_class

        def build():
            queryset = self.filter_listing(request).qs
            return respond(queryset, request.build_absolute_uri(self.get_url(request)))

        # A client that has the current file gets a 304 before any filtering.
        return conditional_data_response(request, build)

    # The proposal routes come before the write-ups: a route is tried in the order declared.
    @path("aanmelden/", name="proposal_new")
    def proposal_new_route(self, request):
        """ "Meld een samenwerking aan": the public form for a new partnership."""
        from regions.proposal_views import proposal_form  # not at the top: see filterset_class

        return proposal_form(self, request)

    @path("aanmelden/bevestigen/", name="proposal_confirm")
    def proposal_confirm_route(self, request):
        """The submitter's confirmation link (double opt-in); the token is in the query.

        A signed token contains colons, which Wagtail's page URLs do not allow in a path.
        """
        from regions.proposal_views import proposal_confirm  # see filterset_class

        return proposal_confirm(self, request, request.GET.get("code", ""))

    @path("<slug:slug>/wijzigen/", name="proposal_change")
    def proposal_change_route(self, request, slug):
        """ "Wijziging doorgeven": the public form for a change to a published partnership."""
        partnership = get_object_or_404(
            Partnership.objects.published().prefetch_related(*PUBLIC_RELATIONS), slug=slug
        )
        from regions.proposal_views import proposal_form  # see filterset_class

        return proposal_form(self, request, partnership)

    @path("<slug:slug>/", name="partnership")
    def partnership_route(self, request, slug):
        """One published partnership's write-up; drafts and unknown slugs give a 404."""
        queryset = Partnership.objects.published().select_related(
            "region__province", "contact_person__photo", "logo"
        )
        queryset = queryset.prefetch_related(
            *PUBLIC_RELATIONS,
            # Internal conversations are not even loaded.
            Prefetch("conversations", queryset=Conversation.objects.filter(is_public=True)),
        )
        partnership = get_object_or_404(queryset, slug=slug)
        return self.render(
            request,
            template="regions/partnership_detail.html",
            context_overrides={"object": partnership},
        )
