"""Admin wiring of the regional network: the "Regionaal netwerk" menu and its snippets.

Editors keep partnerships up to date here, filter and export the listing as a spreadsheet,
and find the partnerships that are missing from the map because they lack a location.
"""

from urllib.parse import urlencode

import django_filters
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn
from wagtail.permissions import policy_registry
from wagtail.search.backends import get_search_backend
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    EditView,
    IndexView,
    RevisionsCompareView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from core.spreadsheet import SafeSpreadsheetExportMixin
from regions import admin_views, insight
from regions.models import (
    EducationLevel,
    FundingSource,
    NetworkMapPage,
    Partnership,
    Province,
    Region,
    Sector,
    Theme,
)
from regions.proposal_admin import ProposalViewSet, conflict_notice

SUBMENU_HOOK = "register_regional_network_menu_item"
# The listing's query string for partnerships without a location.
WITHOUT_LOCATION_QUERY = "location=no"


def without_location():
    return Partnership.objects.filter(latitude__isnull=True)


class PartnershipFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(
        label="Arbeidsmarktregio", queryset=Region.objects.all()
    )
    kind = django_filters.ChoiceFilter(label="Soort", choices=Partnership.Kind.choices)
    status = django_filters.ChoiceFilter(label="Status", choices=Partnership.Status.choices)
    sectors = django_filters.ModelMultipleChoiceFilter(
        label="Sectoren", queryset=Sector.objects.all()
    )
    themes = django_filters.ModelMultipleChoiceFilter(label="Thema's", queryset=Theme.objects.all())
    location = django_filters.ChoiceFilter(
        label="Locatie op de kaart",
        choices=[("yes", "Met locatie"), ("no", "Zonder locatie")],
        method="filter_location",
    )
    live = django_filters.BooleanFilter(label="Gepubliceerd")

    class Meta:
        model = Partnership
        fields = ["region", "kind", "status", "sectors", "themes", "location", "live"]

    def filter_location(self, queryset, name, value):
        # `latitude` is derived from `location` on save, so it is the reliable test.
        return queryset.filter(latitude__isnull=value == "no")


class ProposalNoticeEditView(EditView):
    """The partnership editor; says when the version under review is a public proposal."""

    def get(self, request, *args, **kwargs):
        conflict_notice(request, self.object)
        return super().get(request, *args, **kwargs)


class ReviewableRevisionsCompareView(RevisionsCompareView):
    """Revision comparison that the reviewers of a partnership's current task may open too.

    The moderators' dashboard panel ("In afwachting van jouw beoordeling") links to "compare
    with the live/previous version"; Wagtail's snippet view requires "change", which a
    moderator lacks. Its editor makes the same exception for the task's reviewers
    (``Task.user_can_access_editor``), so the comparison follows the editor.
    """

    def user_has_permission(self, permission):
        if super().user_has_permission(permission):
            return True
        task = self.object.current_workflow_task
        return (
            permission == "change"
            and task is not None
            and task.user_can_access_editor(self.object, self.request.user)
        )

    def get(self, request, *args, **kwargs):
        # A proposal from the public form may be older than the published version.
        conflict_notice(request, self.object)
        return super().get(request, *args, **kwargs)


class PartnershipIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The partnership listing; its CSV and XLSX exports cannot carry a formula."""


class PartnershipViewSet(SnippetViewSet):
    model = Partnership
    icon = "site"
    index_view_class = PartnershipIndexView
    revisions_compare_view_class = ReviewableRevisionsCompareView
    edit_view_class = ProposalNoticeEditView
    menu_label = "Samenwerkingen"
    list_display = [
        "name",
        Column("region", label="Arbeidsmarktregio", sort_key="region__name"),
        Column("get_kind_display", label="Soort", sort_key="kind"),
        Column("get_status_display", label="Status", sort_key="status"),
        LiveStatusTagColumn(label="Publicatie"),
        DateColumn("updated_at", label="Bijgewerkt", sort_key="updated_at"),
    ]
    filterset_class = PartnershipFilterSet
    search_fields = ["name", "summary", "city"]
    list_per_page = 50
    # Listing columns only: conversations and the fixed-format texts stay out of exports.
    list_export = [
        "name",
        "slug",
        "region.name",
        "region.province.name",
        "city",
        "get_kind_display",
        "get_status_display",
        "live",
        "latitude",
        "longitude",
        "companies_count",
        "students_count",
        "teachers_count",
        "schools_count",
        "start_year",
        "website",
        "updated_at",
    ]
    export_headings = {
        "name": "Naam",
        "slug": "Slug",
        "region.name": "Arbeidsmarktregio",
        "region.province.name": "Provincie",
        "city": "Plaats",
        "get_kind_display": "Soort",
        "get_status_display": "Status",
        "live": "Gepubliceerd",
        "latitude": "Breedtegraad",
        "longitude": "Lengtegraad",
        "companies_count": "Bedrijven",
        "students_count": "Studenten",
        "teachers_count": "Docenten",
        "schools_count": "Onderwijsinstellingen",
        "start_year": "Startjaar",
        "website": "Website",
        "updated_at": "Laatst bijgewerkt",
    }
    export_filename = "samenwerkingen"

    def get_queryset(self, request):
        return Partnership.objects.select_related("region__province")


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "globe"
    list_display = ["name", "province", "centre_city"]
    list_filter = ["province"]
    search_fields = ["name", "centre_city"]
    list_per_page = 50

    def get_queryset(self, request):
        return Region.objects.select_related("province")


class ProvinceViewSet(SnippetViewSet):
    model = Province
    icon = "globe"
    list_display = ["name", "latitude", "longitude"]


class TaxonomyViewSet(SnippetViewSet):
    """The editable, seeded lists (themes, sectors, levels, funding) all look alike."""

    icon = "tag"
    list_display = ["name", "slug"]


def taxonomy_viewset(taxonomy_model):
    return type(f"{taxonomy_model.__name__}ViewSet", (TaxonomyViewSet,), {"model": taxonomy_model})


class RegionalNetworkGroup(SnippetViewSetGroup):
    menu_label = "Regionaal netwerk"
    menu_icon = "site"
    menu_order = 200
    submenu_hook = SUBMENU_HOOK
    items = (
        PartnershipViewSet,
        ProposalViewSet,
        RegionViewSet,
        ProvinceViewSet,
        *(taxonomy_viewset(model) for model in (Theme, Sector, EducationLevel, FundingSource)),
    )


register_snippet(RegionalNetworkGroup)


def without_location_url():
    return f"{reverse('wagtailsnippets_regions_partnership:list')}?{WITHOUT_LOCATION_QUERY}"


class WithoutLocationMenuItem(MenuItem):
    """Shown to whoever may open the partnership listing it filters, like "Samenwerkingen".

    Wagtail hides a snippet's own menu item from users without a listing permission; a
    hand-made item must do the same, or it leads them to "je hebt geen toegang".
    """

    def is_shown(self, request):
        return policy_registry.get_by_type(Partnership).user_has_any_permission(
            request.user, PartnershipViewSet.index_view_class.any_permission_required
        )


@hooks.register(SUBMENU_HOOK)
def register_without_location_menu_item():
    return WithoutLocationMenuItem(
        "Zonder locatie",
        without_location_url(),
        name="partnerships-without-location",
        icon_name="warning",
        order=150,
    )


class WithoutLocationPanel(Component):
    """Dashboard panel: partnerships that are not on the map because they lack a location."""

    name = "partnerships_without_location"
    template_name = "regions_admin/without_location_panel.html"
    order = 150
    shown = 10

    def get_context_data(self, parent_context):
        count = without_location().count()
        return {
            "count": count,
            "partnerships": without_location().only("pk", "name", "live")[: self.shown],
            "more": count > self.shown,
            "listing_url": without_location_url(),
        }


@hooks.register("construct_homepage_panels")
def add_without_location_panel(request, panels):
    if request.user.has_perm("regions.change_partnership"):
        panels.append(WithoutLocationPanel())


SITE_SEARCH_PARTNERSHIPS = 5


@hooks.register("site_search_extra_results")
def partnerships_in_site_search(request, query):
    """Published partnerships matching a site search (/zoeken/), Dutch stemming included.

    Only the indexed public fields are searched: internal conversations are not indexed.
    """
    map_page = NetworkMapPage.objects.live().first()
    if map_page is None:
        return None
    matches = get_search_backend().search(
        query, Partnership.objects.published().select_related("region")
    )
    items = [
        {
            "title": partnership.name,
            "url": map_page.partnership_url(partnership, request),
            "summary": f"{partnership.region.name} · {partnership.summary}",
        }
        for partnership in matches[:SITE_SEARCH_PARTNERSHIPS]
    ]
    return {
        "heading": "Samenwerkingen",
        "items": items,
        "more_url": f"{map_page.get_url(request)}?{urlencode({'q': query})}",
        "more_label": "Zoek verder op de netwerkkaart",
    }


@hooks.register("html_sitemap_items")
def partnerships_in_html_sitemap(request, site):
    """Every published partnership's write-up, below the network map in /sitemap/."""
    map_page = (
        NetworkMapPage.objects.descendant_of(site.root_page, inclusive=True).live().public().first()
    )
    if map_page is None:
        return None
    base = map_page.get_url(request)
    rows = Partnership.objects.published().order_by("name", "pk").values_list("name", "slug")
    return {
        "page_id": map_page.pk,
        "heading": "Samenwerkingen",
        "items": [(name, f"{base}{slug}/") for name, slug in rows],
    }


@hooks.register("register_admin_urls")
def register_upkeep_urls():
    return [
        path("netwerk-bijhouden/", admin_views.upkeep_report, name="regions_upkeep_report"),
        path(
            "netwerk-bijhouden/geen-overlap/",
            admin_views.dismiss_overlap,
            name="regions_dismiss_overlap",
        ),
        path(
            "netwerk-bijhouden/<int:pk>/gecontroleerd/",
            admin_views.mark_checked,
            name="regions_mark_checked",
        ),
    ]


class UpkeepMenuItem(MenuItem):
    """Shown to whoever may change partnerships: the report and its actions require that."""

    def is_shown(self, request):
        return request.user.has_perm(admin_views.CHANGE_PERMISSION)


@hooks.register(SUBMENU_HOOK)
def register_upkeep_menu_item():
    return UpkeepMenuItem(
        "Netwerk bijhouden",
        reverse("regions_upkeep_report"),
        name="network-upkeep",
        icon_name="tasks",
        order=160,
    )


class UpkeepPanel(Component):
    """Dashboard panel: how many possible overlaps, stale and incomplete records there are."""

    name = "network_upkeep"
    template_name = "regions_admin/upkeep_panel.html"
    order = 160

    def get_context_data(self, parent_context):
        return {
            "overlap_count": len(insight.possible_overlaps()),
            "stale_count": insight.stale_partnerships().count(),
            "incomplete_count": insight.incomplete_queryset().count(),
            "report_url": reverse("regions_upkeep_report"),
        }


@hooks.register("construct_homepage_panels")
def add_upkeep_panel(request, panels):
    if request.user.has_perm(admin_views.CHANGE_PERMISSION):
        panels.append(UpkeepPanel())
