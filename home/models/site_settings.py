"""Site-wide settings editors change in the admin (Instellingen → Website)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Organisation name, footer text, contact address and social links for the whole site."""

    organisation_name = models.CharField(
        "Naam organisatie",
        max_length=160,
        default="Kennisprogramma Regionale Samenwerking",
        help_text="Staat in de kop en voettekst van elke pagina.",
    )
    tagline = models.CharField(
        "Ondertitel",
        max_length=160,
        blank=True,
        help_text="Korte regel onder de naam, bijvoorbeeld 'onderwijs en bedrijfsleven in de regio'.",
    )
    footer_text = models.TextField(
        "Voettekst", blank=True, help_text="Korte tekst over het programma onderaan elke pagina."
    )
    contact_email = models.EmailField(
        "Contact e-mailadres", blank=True, help_text="Algemeen e-mailadres in de voettekst."
    )
    linkedin_url = models.URLField(
        "LinkedIn", blank=True, help_text="Volledige link naar de LinkedIn-pagina."
    )
    x_url = models.URLField(
        "X (Twitter)", blank=True, help_text="Volledige link naar het X-account."
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("tagline")], heading="Organisatie"
        ),
        MultiFieldPanel(
            [FieldPanel("footer_text"), FieldPanel("contact_email")], heading="Voettekst"
        ),
        MultiFieldPanel([FieldPanel("linkedin_url"), FieldPanel("x_url")], heading="Sociale media"),
    ]

    class Meta:
        verbose_name = "Website-instellingen"
