"""Public proposals for partnerships: the record's public values, opt-in, moderation, outcome.

A proposal is stored in *form values*: plain text for the fixed-format sections, primary
keys for the region and the taxonomies, partner names, a (lat, lng) pair. ``base_values``
is the record as the submitter saw it; ``changes`` holds only what the submitter changed,
so a confirmed change touches only those fields (an unchanged section keeps its editor's
formatting) and a field the editors changed in the meantime shows as a conflict.
"""

import html
import logging
import re

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.text import slugify
from wagtail.images import get_image_model

from .models.partnership import Partner, Partnership, format_point
from .models.proposal import CONFIRM_DAYS, PartnershipProposal
from .models.taxonomy import EducationLevel, FundingSource, Sector, Theme

logger = logging.getLogger(__name__)

TOKEN_SALT = "regions.proposal.confirm"  # nosec B105  # a signing salt (a namespace), not a secret
TOKEN_MAX_AGE = CONFIRM_DAYS * 24 * 3600
# Open proposals (unconfirmed or under review) one address or one partnership may have.
MAX_OPEN_PER_EMAIL = 3
MAX_OPEN_PER_PARTNERSHIP = 2

SCALAR_FIELDS = [
    "name",
    "summary",
    "kind",
    "status",
    "start_year",
    "website",
    "city",
    "companies_count",
    "students_count",
    "teachers_count",
    "schools_count",
]
TAXONOMIES = {
    "sectors": Sector,
    "themes": Theme,
    "education_levels": EducationLevel,
    "funding_sources": FundingSource,
}
# Every public value a proposal can carry (the logo is a file, handled on its own).
VALUE_FIELDS = [
    *SCALAR_FIELDS,
    "region",
    "location",
    *TAXONOMIES,
    "partners",
    *Partnership.FIXED_SECTIONS,
]
# Routes of the network map that a write-up's slug would never reach.
RESERVED_SLUGS = {"aanmelden"}
BLOCK_END = re.compile(r"</p>|<br\s*/?>|</h[1-6]>|</li>", re.IGNORECASE)
BLANK_LINES = re.compile(r"\n\s*\n")


class Refused(Exception):
    """A proposal cannot go on; the message is for the visitor (Dutch)."""


def plain_text(value):
    """Text without markup: tags removed, entities read, runs of spaces and tabs collapsed."""
    text = html.unescape(strip_tags(value or ""))
    lines = [" ".join(line.split()) for line in text.replace("\r", "").split("\n")]
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def rich_text_to_plain(value):
    """A fixed-format section as the form shows it: one paragraph per block."""
    return plain_text(BLOCK_END.sub("\n\n", value or ""))


def plain_to_rich_text(text):
    """Escaped paragraphs: what a visitor typed can only ever be text."""
    paragraphs = [" ".join(part.split()) for part in BLANK_LINES.split(text or "")]
    return "".join(f"<p>{escape(part)}</p>" for part in paragraphs if part)


def public_values(partnership):
    """The record's public values in form terms (see the module docstring)."""
    values = {name: getattr(partnership, name) for name in SCALAR_FIELDS}
    values["region"] = partnership.region_id
    values["location"] = (
        [round(partnership.latitude, 6), round(partnership.longitude, 6)]
        if partnership.has_location
        else None
    )
    for name in TAXONOMIES:
        values[name] = sorted(item.pk for item in getattr(partnership, name).all())
    values["partners"] = [partner.organisation for partner in partnership.partners.all()]
    for name in Partnership.FIXED_SECTIONS:
        values[name] = rich_text_to_plain(getattr(partnership, name))
    return values


def apply_values(partnership, changes):
    """Set ``changes`` (form values) on an unsaved copy of a partnership, in memory."""
    for name in SCALAR_FIELDS:
        if name in changes:
            setattr(partnership, name, changes[name])
    if "region" in changes:
        partnership.region_id = changes["region"]
    if "location" in changes:
        point = changes["location"]
        partnership.location = format_point(*point) if point else ""
    for name, model in TAXONOMIES.items():
        if name in changes:
            getattr(partnership, name).set(model.objects.filter(pk__in=changes[name]))
    if "partners" in changes:
        # Partners that stay keep their kind, role and website; new ones start as "Anders".
        existing = {partner.organisation: partner for partner in partnership.partners.all()}
        partnership.partners = [
            existing.get(name) or Partner(organisation=name, kind=Partner.Kind.OTHER)
            for name in changes["partners"]
        ]
    for name in Partnership.FIXED_SECTIONS:
        if name in changes:
            setattr(partnership, name, plain_to_rich_text(changes[name]))


def changed_values(base, proposed):
    return {name: value for name, value in proposed.items() if base.get(name) != value}


def check_caps(email, partnership=None):
    """Refuse when this address, or this partnership, already has enough open proposals."""
    if PartnershipProposal.objects.open().filter(email__iexact=email).count() >= (
        MAX_OPEN_PER_EMAIL
    ):
        raise Refused(
            "Met dit e-mailadres staan al drie voorstellen open. Wacht tot de redactie die "
            "heeft behandeld, of bevestig ze via de link in uw e-mail."
        )
    if partnership is not None and (
        partnership.proposals.open().count() >= MAX_OPEN_PER_PARTNERSHIP
    ):
        raise Refused(
            "Voor deze samenwerking liggen al wijzigingen ter beoordeling. Probeer het later "
            "opnieuw, als de redactie die heeft behandeld."
        )


def make_token(proposal):
    return signing.dumps(proposal.pk, salt=TOKEN_SALT)


def proposal_for_token(token):
    """The proposal a confirmation link names; Refused when forged, expired or gone."""
    try:
        pk = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.SignatureExpired as error:
        raise Refused(
            "Deze bevestigingslink is verlopen (na zeven dagen). Vul het formulier opnieuw in."
        ) from error
    except signing.BadSignature as error:
        raise Refused(
            "Deze bevestigingslink klopt niet. Gebruik de link uit de e-mail precies zoals "
            "hij is, of vul het formulier opnieuw in."
        ) from error
    proposal = PartnershipProposal.objects.filter(pk=pk).first()
    if proposal is None:
        raise Refused("Dit voorstel bestaat niet meer. Vul het formulier opnieuw in.")
    return proposal


@transaction.atomic
def submit(*, email, name, values, logo, partnership, confirm_url):
    """Store an unconfirmed proposal and mail its confirmation link.

    ``confirm_url`` turns a token into the absolute link. If the mail cannot be sent, the
    proposal is not kept (the transaction rolls back) and the visitor is told.
    """
    check_caps(email, partnership)
    base = public_values(partnership) if partnership else {}
    proposal = PartnershipProposal(
        kind=PartnershipProposal.Kind.CHANGE if partnership else PartnershipProposal.Kind.NEW,
        partnership=partnership,
        base_revision=partnership.live_revision if partnership else None,
        base_values=base,
        changes=changed_values(base, values),
        email=email,
        submitter_name=name,
    )
    if not proposal.changes and not logo:
        raise Refused("U heeft niets veranderd. Pas minstens één gegeven aan.")
    if logo:
        proposal.logo.save(logo.name, logo, save=False)
    try:
        proposal.save()
        link = confirm_url(make_token(proposal))
        body = render_to_string(
            "regions/mail/proposal_confirm.txt",
            {"proposal": proposal, "link": link, "name": proposal_name(proposal)},
        )
        send_mail(f"Bevestig uw voorstel: {proposal_name(proposal)}", body, None, [email])
    except Exception as error:
        # Storage is outside the transaction: the uploaded logo goes with the proposal.
        if proposal.logo:
            proposal.logo.delete(save=False)
        logger.exception("Proposal %s: the confirmation mail could not be sent", proposal.pk)
        raise Refused(
            "We konden u geen e-mail sturen. Controleer uw e-mailadres of probeer het later "
            "opnieuw."
        ) from error
    return proposal


def proposal_name(proposal):
    return proposal.changes.get("name") or proposal.base_values.get("name", "")


def unique_slug(name):
    """A free slug; never one of the network map's own routes (they come first)."""
    base = slugify(name)[:90] or "samenwerking"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Partnership.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def logo_image(proposal):
    """The uploaded logo as an image in the library (made when the submitter confirms)."""
    proposal.logo.open("rb")
    try:
        content = ContentFile(proposal.logo.read(), name=proposal.logo.name.rsplit("/", 1)[-1])
    finally:
        proposal.logo.close()
    image = get_image_model()(title=f"Logo {proposal_name(proposal)}"[:255], file=content)
    image.save()
    proposal.logo.delete(save=False)
    return image


@transaction.atomic
def confirm(proposal):
    """The submitter's opt-in: the proposal becomes a draft or a revision under review.

    Returns False when it was confirmed before (the link was used twice). A change is
    refused while the editors work on the record themselves (unpublished changes or a
    review in progress): what they have not published is never overwritten.
    """
    proposal = PartnershipProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != PartnershipProposal.Status.UNCONFIRMED:
        return False
    workflow = Partnership().get_workflow()
    if workflow is None:
        logger.error("Proposal %s: partnerships have no workflow", proposal.pk)
        raise Refused("Uw voorstel kan nu niet worden doorgestuurd. Probeer het later opnieuw.")
    if proposal.kind == PartnershipProposal.Kind.NEW:
        partnership = Partnership(live=False, slug=unique_slug(proposal.changes["name"]))
    else:
        partnership = Partnership.objects.select_for_update().get(pk=proposal.partnership_id)
        if partnership.has_unpublished_changes or partnership.current_workflow_state:
            raise Refused(
                "De redactie werkt op dit moment zelf aan deze samenwerking. Bevestig uw "
                "voorstel over een paar dagen opnieuw met dezelfde link."
            )
    apply_values(partnership, proposal.changes)
    try:
        partnership.full_clean()
    except ValidationError as error:
        # The form checked every value; this is a region or a choice removed since.
        logger.warning("Proposal %s no longer valid: %s", proposal.pk, error)
        raise Refused(
            "Uw voorstel past niet meer bij de gegevens op de website (bijvoorbeeld een "
            "regio die niet meer bestaat). Vul het formulier opnieuw in."
        ) from error
    if proposal.logo:
        partnership.logo = logo_image(proposal)
    if proposal.kind == PartnershipProposal.Kind.NEW:
        partnership.save()
    revision = partnership.save_revision(log_action=True, clean=False)
    workflow.start(partnership, user=None)
    proposal.partnership = partnership
    proposal.revision = revision
    proposal.status = PartnershipProposal.Status.OPEN
    proposal.confirmed_at = timezone.now()
    proposal.save()
    logger.info("Proposal %s confirmed: partnership %s in review", proposal.pk, partnership.pk)
    return True


def changed_since(proposal):
    """Fields of the published record that changed after the submitter saw it.

    Each item is (field name, value when proposed, value now, proposed value or None when
    the proposal leaves the field alone).
    """
    if proposal.kind != PartnershipProposal.Kind.CHANGE or proposal.partnership is None:
        return []
    now = public_values(Partnership.objects.get(pk=proposal.partnership_id))
    return [
        (name, proposal.base_values.get(name), now[name], proposal.changes.get(name))
        for name in VALUE_FIELDS
        if now[name] != proposal.base_values.get(name)
    ]


def open_proposal(partnership):
    return partnership.proposals.filter(status=PartnershipProposal.Status.OPEN).first()


def decide(workflow_state, status):
    """Close the partnership's open proposal with the reviewer's comment; mail the outcome."""
    partnership = workflow_state.content_object
    if not isinstance(partnership, Partnership):
        return None
    proposal = open_proposal(partnership)
    if proposal is None:
        return None
    task_state = workflow_state.current_task_state
    proposal.status = status
    proposal.message = (task_state.comment if task_state else "") or ""
    proposal.decided_at = timezone.now()
    proposal.save()
    logger.info("Proposal %s: %s", proposal.pk, status)
    return proposal


def mail_outcome(proposal, write_up_url=None):
    """Tell the submitter what the editors decided; a failing mail server is only logged."""
    if not proposal.email:
        return
    body = render_to_string(
        "regions/mail/proposal_outcome.txt",
        {"proposal": proposal, "name": proposal_name(proposal), "url": write_up_url},
    )
    subject = (
        f"Uw voorstel is {'verwerkt' if proposal.status == 'accepted' else 'niet overgenomen'}: "
        f"{proposal_name(proposal)}"
    )
    try:
        send_mail(subject, body, None, [proposal.email])
    except Exception:
        logger.exception("Proposal %s: the outcome mail could not be sent", proposal.pk)


def restore_published(partnership, user=None):
    """After a rejected change: the published version is again the latest one.

    The rejected revision stays in the history; the editor opens the record as it is
    published, and the review is closed so that the record is free for the next one.
    """
    partnership = Partnership.objects.get(pk=partnership.pk)
    if partnership.live:
        partnership.save_revision(user=user, changed=False, clean=False)
        Partnership.objects.filter(pk=partnership.pk).update(has_unpublished_changes=False)


@transaction.atomic
def expire(now=None):
    """The retention rules, for the cron command: (deleted unconfirmed, addresses wiped)."""
    expired = list(PartnershipProposal.objects.expired_unconfirmed(now))
    for proposal in expired:
        if proposal.logo:
            proposal.logo.delete(save=False)
        proposal.delete()
    wiped = PartnershipProposal.objects.decided_with_email(now).update(email="", submitter_name="")
    return len(expired), wiped
