"""What editors record about the network's upkeep: judged overlaps, checks and reminders.

Kept apart from :class:`Partnership` on purpose: a partnership is a snippet with drafts
and revisions, and publishing a revision writes back every field it holds. A check date
on the partnership itself would be undone by publishing a revision made before the check.
"""

from django.conf import settings
from django.db import models

from .partnership import Partnership


class OverlapDismissal(models.Model):
    """An editor's judgement that two partnerships do not overlap ("geen overlap").

    The pair is stored in id order (``first`` < ``second``), once; the overlap report
    leaves such a pair out from then on.
    """

    first = models.ForeignKey(
        Partnership,
        verbose_name="Eerste samenwerking",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="De samenwerking met het laagste id van het paar.",
    )
    second = models.ForeignKey(
        Partnership,
        verbose_name="Tweede samenwerking",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="De samenwerking met het hoogste id van het paar.",
    )
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Beoordeeld door",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="De redacteur die het paar als geen overlap markeerde.",
    )
    dismissed_at = models.DateTimeField("Beoordeeld op", auto_now_add=True)

    class Meta:
        verbose_name = "Geen overlap"
        verbose_name_plural = "Geen overlap"
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="overlap_dismissal_pair"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="overlap_dismissal_order"
            ),
        ]

    def __str__(self):
        return f"Geen overlap: {self.first_id} en {self.second_id}"


class PartnershipCheck(models.Model):
    """When an editor last confirmed a partnership's data ("laatst gecontroleerd"), and who.

    Set with one click in the upkeep report; saving or publishing the partnership does not
    touch it.
    """

    partnership = models.OneToOneField(
        Partnership,
        verbose_name="Samenwerking",
        on_delete=models.CASCADE,
        related_name="data_check",
        help_text="De samenwerking waarvan de gegevens zijn gecontroleerd.",
    )
    checked_at = models.DateTimeField("Laatst gecontroleerd", help_text="Datum van de controle.")
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Gecontroleerd door",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="De redacteur die de gegevens controleerde.",
    )

    class Meta:
        verbose_name = "Controle van gegevens"
        verbose_name_plural = "Controles van gegevens"

    def __str__(self):
        return f"{self.partnership_id} gecontroleerd op {self.checked_at:%d-%m-%Y}"


class CheckReminder(models.Model):
    """The log of the reminders mailed to a contact person to check a write-up (cron)."""

    partnership = models.ForeignKey(
        Partnership,
        verbose_name="Samenwerking",
        on_delete=models.CASCADE,
        related_name="check_reminders",
        help_text="De samenwerking waarover de herinnering ging.",
    )
    email = models.EmailField("E-mailadres", help_text="Waarheen de herinnering is gestuurd.")
    sent_at = models.DateTimeField("Verstuurd op", auto_now_add=True)

    class Meta:
        verbose_name = "Controleherinnering"
        verbose_name_plural = "Controleherinneringen"
        indexes = [models.Index(fields=["partnership", "sent_at"], name="check_reminder_idx")]

    def __str__(self):
        return f"{self.email}, {self.sent_at:%d-%m-%Y}"


class ReminderOptOut(models.Model):
    """An address that asked, through the link in a reminder, to receive no more reminders."""

    email = models.EmailField(
        "E-mailadres", unique=True, help_text="Dit adres krijgt geen controleherinneringen meer."
    )
    created_at = models.DateTimeField("Afgemeld op", auto_now_add=True)

    class Meta:
        verbose_name = "Afmelding voor herinneringen"
        verbose_name_plural = "Afmeldingen voor herinneringen"

    def __str__(self):
        return self.email
