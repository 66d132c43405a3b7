"""Snippets of the site core."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class Person(index.Indexed, models.Model):
    """A contact person (snippet), shown by the contact block and on section pages."""

    name = models.CharField("Naam", max_length=120, help_text="Voor- en achternaam.")
    role = models.CharField(
        "Functie",
        max_length=120,
        blank=True,
        help_text="Bijvoorbeeld 'Adviseur onderwijs en arbeidsmarkt'.",
    )
    organisation = models.CharField(
        "Organisatie",
        max_length=160,
        blank=True,
        help_text="De organisatie waar deze persoon werkt.",
    )
    email = models.EmailField("E-mailadres", blank=True, help_text="Wordt op de website getoond.")
    phone = models.CharField(
        "Telefoonnummer",
        max_length=30,
        blank=True,
        help_text="Bijvoorbeeld 030 123 45 67; wordt op de website getoond.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Foto",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Portretfoto, liefst vierkant.",
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("role"), FieldPanel("organisation")], heading="Werk"),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone")], heading="Bereikbaarheid"),
        FieldPanel("photo"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
        index.SearchField("role"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "Contactpersoon"
        verbose_name_plural = "Contactpersonen"

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name
