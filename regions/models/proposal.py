"""Proposals from the public: a new partnership or a change to one, awaiting opt-in and review."""

import datetime

from django.db import models
from django.utils import timezone

from .partnership import Partnership

# An unconfirmed proposal (and its confirmation link) lasts this long.
CONFIRM_DAYS = 7
# The submitter's address is kept this long after the proposal was decided.
KEEP_EMAIL_DAYS = 30


class ProposalQuerySet(models.QuerySet):
    def open(self):
        """Proposals still waiting: for the submitter's confirmation or for the editors."""
        return self.filter(
            status__in=[PartnershipProposal.Status.UNCONFIRMED, PartnershipProposal.Status.OPEN]
        )

    def expired_unconfirmed(self, now=None):
        cutoff = (now or timezone.now()) - datetime.timedelta(days=CONFIRM_DAYS)
        return self.filter(status=PartnershipProposal.Status.UNCONFIRMED, created_at__lt=cutoff)

    def decided_with_email(self, now=None):
        """Closed proposals whose submitter's address has been kept long enough."""
        cutoff = (now or timezone.now()) - datetime.timedelta(days=KEEP_EMAIL_DAYS)
        return self.exclude(email="").filter(decided_at__lt=cutoff)


class PartnershipProposal(models.Model):
    """A partnership registered or changed by a visitor (Regionaal netwerk → Aanmeldingen).

    Created unconfirmed by the public forms on the network map; the submitter's e-mail link
    turns it into a draft partnership (new) or a revision of the partnership (change), in
    the "Moderatie" workflow. ``base_values`` is the record as the submitter saw it, so a
    change made by an editor in the meantime shows as a conflict instead of being
    overwritten. The submitter's address is never public and is wiped after the decision.
    """

    class Kind(models.TextChoices):
        NEW = "new", "Nieuwe samenwerking"
        CHANGE = "change", "Wijziging"

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", "Wacht op bevestiging"
        OPEN = "open", "Ter beoordeling"
        ACCEPTED = "accepted", "Geaccepteerd"
        REJECTED = "rejected", "Afgewezen"
        CLOSED = "closed", "Afgesloten door de redactie"

    kind = models.CharField("Soort", max_length=10, choices=Kind.choices, editable=False)
    status = models.CharField(
        "Status",
        max_length=20,
        choices=Status.choices,
        default=Status.UNCONFIRMED,
        editable=False,
    )
    partnership = models.ForeignKey(
        Partnership,
        verbose_name="Samenwerking",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="proposals",
        editable=False,
        help_text="De samenwerking waarover het voorstel gaat (na bevestiging ook bij nieuwe).",
    )
    base_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="Versie bij het voorstel",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="De gepubliceerde versie die de indiener zag.",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="Voorgestelde versie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="De versie die na bevestiging ter beoordeling ligt.",
    )
    base_values = models.JSONField(
        "Waarden bij het voorstel", default=dict, editable=False, help_text="Intern."
    )
    changes = models.JSONField(
        "Voorgestelde waarden", default=dict, editable=False, help_text="Intern."
    )
    logo = models.ImageField(
        "Logo",
        upload_to="aanmeldingen/",
        blank=True,
        editable=False,
        help_text="Het meegestuurde logo, tot het bij de bevestiging in de beeldbank komt.",
    )
    submitter_name = models.CharField(
        "Naam indiener", max_length=120, blank=True, editable=False, help_text="Nooit openbaar."
    )
    email = models.EmailField(
        "E-mailadres indiener",
        blank=True,
        editable=False,
        help_text="Nooit openbaar; gewist 30 dagen na het besluit.",
    )
    message = models.TextField(
        "Bericht van de redactie", blank=True, editable=False, help_text="Uitleg bij het besluit."
    )
    created_at = models.DateTimeField("Ingediend", auto_now_add=True)
    confirmed_at = models.DateTimeField("Bevestigd", null=True, blank=True, editable=False)
    decided_at = models.DateTimeField("Besluit", null=True, blank=True, editable=False)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Aanmelding of wijziging"
        verbose_name_plural = "Aanmeldingen en wijzigingen"

    def __str__(self):
        name = self.changes.get("name") or self.base_values.get("name") or "?"
        return f"{self.get_kind_display()}: {name}"
