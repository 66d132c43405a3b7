"""Site-wide settings editors change in the admin (Instellingen → Website)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Organisation, footer, social links, share image, statements and analytics for the site."""

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
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Standaard deelafbeelding",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Getoond bij delen op sociale media als een pagina geen eigen afbeelding heeft.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Logo van de organisatie voor zoekmachines (gestructureerde gegevens).",
    )
    cookie_statement_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Cookieverklaring",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="De pagina met de cookieverklaring; gelinkt vanuit de cookiemelding en de voettekst.",
    )
    privacy_statement_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Privacyverklaring",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="De pagina met de privacyverklaring; gelinkt vanuit de voettekst.",
    )
    accessibility_statement_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Toegankelijkheidsverklaring",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="De pagina met de toegankelijkheidsverklaring; gelinkt vanuit de voettekst.",
    )
    analytics_measurement_id = models.CharField(
        "Meet-ID statistieken",
        max_length=40,
        blank=True,
        help_text=(
            "Bijvoorbeeld G-XXXXXXX. Het meetscript laadt pas nadat een bezoeker cookies "
            "toestaat. Leeg: geen statistieken."
        ),
    )
    analytics_script_url = models.URLField(
        "Adres meetscript",
        blank=True,
        help_text=(
            "Volledige https-link naar het script van de statistiekdienst. Laadt pas na "
            "toestemming. Leeg: geen statistieken."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("tagline")], heading="Organisatie"
        ),
        MultiFieldPanel(
            [FieldPanel("footer_text"), FieldPanel("contact_email")], heading="Voettekst"
        ),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("x_url"),
                FieldPanel("default_social_image"),
                FieldPanel("logo"),
            ],
            heading="Sociale media en zoekmachines",
        ),
        MultiFieldPanel(
            [
                FieldPanel("cookie_statement_page"),
                FieldPanel("analytics_measurement_id"),
                FieldPanel("analytics_script_url"),
            ],
            heading="Cookies en statistieken",
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_statement_page"), FieldPanel("accessibility_statement_page")],
            heading="Verklaringen",
        ),
    ]

    class Meta:
        verbose_name = "Website-instellingen"
