"""A demo proposal from the public: a change to one partnership, confirmed and under review.

It shows the editors' side (Regionaal netwerk → Aanmeldingen, the partnership in the
"Moderatie" workflow, the comparison with the published version). Loaded once.
"""

from regions.factories import PartnershipProposalFactory
from regions.models import Partnership, PartnershipProposal
from regions.proposals import Refused, changed_values, confirm, public_values

SLUG = "energiewerkplaats-drenthe"
SUBMITTER = ("Projectleider Energiewerkplaats", "projectleider@energiewerkplaats.example.nl")
CHANGES = {
    "status": Partnership.Status.ACTIVE,
    "lessons": (
        "Werkenden leren het snelst naast studenten, aan dezelfde installaties.\n\n"
        "Een vaste dag per week in de werkplaats houdt bedrijven betrokken."
    ),
}


def load(stdout):
    partnership = Partnership.objects.filter(slug=SLUG, live=True).first()
    if partnership is None or partnership.proposals.exists():
        stdout.write("Proposals: the demo proposal is already there (or its partnership is not).")
        return
    base = public_values(partnership)
    proposal = PartnershipProposalFactory(
        kind=PartnershipProposal.Kind.CHANGE,
        partnership=partnership,
        base_revision=partnership.live_revision,
        base_values=base,
        changes=changed_values(base, {**base, **CHANGES}),
        submitter_name=SUBMITTER[0],
        email=SUBMITTER[1],
    )
    try:
        confirm(proposal)
    except Refused as refusal:
        stdout.write(f"Proposals: the demo proposal waits for confirmation ({refusal}).")
        return
    stdout.write(f"Proposals: a change to {partnership.name} awaits review.")
