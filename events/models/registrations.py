"""Registrations for a meeting: personal data, shown only to editors and kept briefly.

Never on a public page, in search, a feed or a public count; the retention command
(``delete_old_registrations``) removes them a set number of days after the meeting.
"""

from django.db import models
from django.db.models.functions import Lower
from wagtail.admin.panels import FieldPanel


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(state=Registration.State.CONFIRMED)

    def waiting(self):
        """The waiting list, first come first served (by the moment of confirming)."""
        return self.filter(state=Registration.State.WAITING).order_by("confirmed_at", "pk")


class Registration(models.Model):
    """One person's registration for a meeting (snippet, listed and exported per meeting).

    Pending until the person confirms through the link in the e-mail; then confirmed
    (takes a seat) or on the waiting list when the meeting is full.
    """

    class State(models.TextChoices):
        PENDING = "onbevestigd", "Nog niet bevestigd"
        CONFIRMED = "bevestigd", "Bevestigd"
        WAITING = "wachtlijst", "Op de wachtlijst"

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name="Bijeenkomst",
        on_delete=models.CASCADE,
        related_name="registrations",
        help_text="De bijeenkomst waarvoor deze persoon zich aanmeldde.",
    )
    name = models.CharField("Naam", max_length=120, help_text="Voor- en achternaam.")
    email = models.EmailField(
        "E-mailadres", max_length=254, help_text="Hierheen gaan de bevestiging en de afmeldlink."
    )
    organisation = models.CharField(
        "Organisatie", max_length=160, help_text="School, bedrijf of instelling."
    )
    role = models.CharField("Functie", max_length=120, blank=True, help_text="Mag leeg blijven.")
    state = models.CharField(
        "Status",
        max_length=12,
        choices=State.choices,
        default=State.PENDING,
        help_text="Alleen bevestigde aanmeldingen nemen een plaats in.",
    )
    created_at = models.DateTimeField("Aangemeld op", auto_now_add=True)
    confirmed_at = models.DateTimeField(
        "Bevestigd op",
        null=True,
        blank=True,
        help_text="Wanneer de persoon de link in de e-mail gebruikte.",
    )

    objects = RegistrationQuerySet.as_manager()

    panels = [
        FieldPanel("event"),
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("organisation"),
        FieldPanel("role"),
        FieldPanel("state"),
    ]

    class Meta:
        verbose_name = "Aanmelding"
        verbose_name_plural = "Aanmeldingen"
        ordering = ["event", "created_at", "pk"]
        constraints = [
            # One registration per address per meeting, whatever the capitals.
            models.UniqueConstraint("event", Lower("email"), name="registration_one_per_email"),
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation})"
