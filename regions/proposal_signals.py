"""What the "Moderatie" workflow's decisions mean for a public proposal (connected in ready())."""

from wagtail.signals import workflow_approved, workflow_cancelled, workflow_rejected

from .models import NetworkMapPage, PartnershipProposal
from .proposals import decide, mail_outcome, restore_published


def write_up_url(partnership):
    map_page = NetworkMapPage.objects.live().first()
    if map_page is None or not partnership.live:
        return None
    return map_page.full_url + map_page.reverse_subpage("partnership", args=[partnership.slug])


def on_approved(sender, instance, user=None, **kwargs):
    proposal = decide(instance, PartnershipProposal.Status.ACCEPTED)
    if proposal is not None:
        proposal.partnership.refresh_from_db()
        mail_outcome(proposal, write_up_url(proposal.partnership))


def on_rejected(sender, instance, user=None, **kwargs):
    """A rejected proposal is closed: the published version is the latest again."""
    proposal = decide(instance, PartnershipProposal.Status.REJECTED)
    if proposal is None:
        return
    # Nobody can send a visitor's proposal back for changes: the review ends here.
    instance.cancel(user=user)
    restore_published(proposal.partnership, user)
    mail_outcome(proposal)


def on_cancelled(sender, instance, user=None, **kwargs):
    # An editor published or withdrew the record themselves: the proposal is dealt with.
    decide(instance, PartnershipProposal.Status.CLOSED)


def connect_signals():
    workflow_approved.connect(on_approved, dispatch_uid="regions-proposal-approved")
    workflow_rejected.connect(on_rejected, dispatch_uid="regions-proposal-rejected")
    workflow_cancelled.connect(on_cancelled, dispatch_uid="regions-proposal-cancelled")
