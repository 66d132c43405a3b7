"""The editors' side of public proposals: the listing, the diff, and the conflict notice.

Editors decide in the "Moderatie" workflow of the partnership itself (its editor, Wagtail's
revision comparison, "Goedkeuren" / "Wijzigingsverzoek"). This module adds what Wagtail
does not know: who proposed what against which version, and whether the published record
changed since then (``proposals.changed_since``), shown in the comparison, the editor and
the proposal's own page (Regionaal netwerk → Aanmeldingen).
"""

from django.contrib import messages
from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from .models import Partnership, PartnershipProposal, Region
from .proposals import TAXONOMIES, VALUE_FIELDS, changed_since, open_proposal, public_values

LABELS = {
    "location": "Locatie op de kaart (breedte, lengte)",
    "partners": "Partners",
    "region": "Arbeidsmarktregio",
}
CONFLICT_NOTICE = (
    "Let op: de gepubliceerde versie van deze samenwerking is gewijzigd nadat de indiener "
    "het voorstel deed ({fields}). Controleer in de vergelijking dat het voorstel die "
    "wijzigingen niet terugdraait."
)


def field_label(name):
    if name in LABELS:
        return LABELS[name]
    return str(Partnership._meta.get_field(name).verbose_name)


def readable(name, value):
    """A form value as an editor reads it: names instead of ids, "—" for nothing."""
    if value in (None, "", []):
        return "—"
    if name == "region":
        return str(Region.objects.filter(pk=value).first() or value)
    if name in TAXONOMIES:
        return ", ".join(str(item) for item in TAXONOMIES[name].objects.filter(pk__in=value))
    if name == "location":
        return f"{value[0]}, {value[1]}"
    if name == "partners":
        return "; ".join(value)
    if name in ("kind", "status"):
        return dict(Partnership._meta.get_field(name).choices).get(value, value)
    return str(value)


def conflict_notice(request, partnership):
    """A warning on the page when the partnership's open proposal is out of date."""
    proposal = open_proposal(partnership)
    if proposal is None:
        return
    changed = changed_since(proposal)
    if changed:
        fields = ", ".join(field_label(name) for name, *_values in changed)
        messages.warning(request, CONFLICT_NOTICE.format(fields=fields))
    text = "Deze versie is een voorstel van buiten (via het formulier op de netwerkkaart)."
    if ProposalPermissionPolicy(PartnershipProposal).user_has_permission(request.user, "view"):
        url = reverse("wagtailsnippets_regions_partnershipproposal:inspect", args=[proposal.pk])
        text = format_html('{} <a href="{}">Bekijk het voorstel</a>.', text, url)
    messages.info(request, text)


class ProposalPermissionPolicy(ModelPermissionPolicy):
    """Whoever may change partnerships may read proposals; nobody adds or edits them here.

    Proposals come only from the public form and change only by the workflow's decision.
    """

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.has_perm("regions.change_partnership")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(PartnershipProposal, ProposalPermissionPolicy(PartnershipProposal))


class ProposalInspectView(InspectView):
    """One proposal: per field the version it was made against, now and proposed."""

    template_name = "regions_admin/proposal_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = self.object
        live = {}
        if proposal.partnership_id and proposal.kind == PartnershipProposal.Kind.CHANGE:
            live = public_values(Partnership.objects.get(pk=proposal.partnership_id))
        conflicts = {name for name, *_values in changed_since(proposal)}
        context["rows"] = [
            {
                "label": field_label(name),
                "base": readable(name, proposal.base_values.get(name)),
                "now": readable(name, live.get(name)),
                "proposed": readable(name, proposal.changes[name])
                if name in proposal.changes
                else "",
                "changed": name in proposal.changes,
                "conflict": name in conflicts,
            }
            for name in VALUE_FIELDS
            if name in proposal.changes or name in conflicts
        ]
        context["proposal"] = proposal
        context["has_conflict"] = bool(conflicts)
        if proposal.partnership_id:
            context["edit_url"] = reverse(
                "wagtailsnippets_regions_partnership:edit", args=[proposal.partnership_id]
            )
        return context


class ProposalViewSet(SnippetViewSet):
    model = PartnershipProposal
    icon = "mail"
    menu_label = "Aanmeldingen"
    inspect_view_enabled = True
    inspect_view_class = ProposalInspectView
    list_display = [
        "__str__",
        Column("get_status_display", label="Status", sort_key="status"),
        DateColumn("created_at", label="Ingediend", sort_key="created_at"),
    ]
    list_filter = ["status", "kind"]
    list_per_page = 50

    def get_queryset(self, request):
        return PartnershipProposal.objects.select_related("partnership")
