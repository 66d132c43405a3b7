"""The site's own document model: every download says whether it is digitally accessible."""

from django.db import models
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument


class AccessibleDocument(AbstractDocument):
    """A download (PDF, spreadsheet, …) with its accessibility status and alternative."""

    description = models.TextField(
        "Omschrijving",
        blank=True,
        help_text="Wat staat er in dit bestand? Wordt bij de download getoond.",
    )
    is_accessible = models.BooleanField(
        "Digitaal toegankelijk",
        default=False,
        help_text="Aanvinken als dit bestand voldoet aan de eisen voor digitale toegankelijkheid.",
    )
    accessible_alternative_url = models.URLField(
        "Toegankelijke versie (link)",
        blank=True,
        help_text="Link naar een toegankelijke versie, als dit bestand niet toegankelijk is.",
    )
    accessible_alternative_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Toegankelijke versie (pagina)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Of kies een pagina op deze website met dezelfde inhoud.",
    )
    language = models.CharField(
        "Taal",
        max_length=2,
        choices=[("nl", "Nederlands"), ("en", "Engels")],
        default="nl",
        help_text="De taal van het bestand.",
    )

    admin_form_fields = WagtailDocument.admin_form_fields + (
        "description",
        "is_accessible",
        "accessible_alternative_url",
        "accessible_alternative_page",
        "language",
    )

    class Meta(AbstractDocument.Meta):
        verbose_name = "Document"
        verbose_name_plural = "Documenten"

    def clean(self):
        """Wagtail's extension check, only when there is a file to check.

        When the form refuses an upload (core/forms.py says why, in Dutch), the instance is
        left without a file, and Wagtail's check would add "Bestandsextensie '' is niet
        toegestaan" to every refusal, even of a .pdf.
        """
        if self.file:
            super().clean()

    @property
    def accessible_alternative(self):
        if self.accessible_alternative_page_id:
            return self.accessible_alternative_page.url
        return self.accessible_alternative_url
