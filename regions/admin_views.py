"""Admin report "Netwerk bijhouden" (Regionaal netwerk): overlaps, stale and incomplete records.

Editors with the right to change partnerships see the report, mark a pair "geen overlap"
and confirm a partnership's data with one click. The two actions are POST-only and
protected by Django's CSRF check; an unknown or malformed id changes nothing and says so.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import insight
from .models.pages import NetworkMapPage
from .models.partnership import Partnership

CHANGE_PERMISSION = "regions.change_partnership"
SHOWN = 100  # rows per list; the headings give the full counts


class UpkeepReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "regions_admin/upkeep_report.html"
    page_title = "Netwerk bijhouden"
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        map_page = NetworkMapPage.objects.live().first()
        overlaps = insight.possible_overlaps()
        stale = insight.stale_partnerships().only("pk", "name", "slug")
        context.update(
            {
                "map_page": map_page,
                "overlaps": overlaps[:SHOWN],
                "overlap_count": len(overlaps),
                "stale": list(stale[:SHOWN]),
                "stale_count": stale.count(),
                "incomplete": insight.incomplete_partnerships(limit=SHOWN),
                "incomplete_count": insight.incomplete_queryset().count(),
                "shown": SHOWN,
                "overlap_themes": insight.OVERLAP_THEMES,
            }
        )
        return context


upkeep_report = permission_required(CHANGE_PERMISSION)(UpkeepReportView.as_view())


def _back(request):
    return redirect(reverse("regions_upkeep_report"))


@require_POST
@permission_required(CHANGE_PERMISSION)
def dismiss_overlap(request):
    try:
        first_id, second_id = int(request.POST["first"]), int(request.POST["second"])
    except (KeyError, ValueError):
        messages.error(request, "Dit paar bestaat niet; er is niets veranderd.")
        return _back(request)
    if insight.dismiss_overlap(first_id, second_id, request.user):
        messages.success(request, "Gemarkeerd als geen overlap; het paar verdwijnt uit de lijst.")
    else:
        messages.error(request, "Dit paar bestaat niet; er is niets veranderd.")
    return _back(request)


@require_POST
@permission_required(CHANGE_PERMISSION)
def mark_checked(request, pk):
    partnership = get_object_or_404(Partnership, pk=pk)
    insight.mark_checked(partnership, request.user)
    messages.success(
        request, f"De gegevens van {partnership.name} zijn als gecontroleerd gemarkeerd."
    )
    return _back(request)
