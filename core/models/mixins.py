"""Small abstract mixins that page models compose; each owns its fields and panels."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.querysets import CardPageManager


class IntroMixin(models.Model):
    """A short lead paragraph shown under the title and used as a fallback summary."""

    intro = models.TextField(
        "Inleiding",
        blank=True,
        help_text="Eén tot drie zinnen die direct onder de titel staan.",
    )

    intro_panels = [FieldPanel("intro")]
    intro_search_fields = [index.SearchField("intro", boost=2)]

    class Meta:
        abstract = True


class ListingMixin(models.Model):
    """How the page looks when another page lists it (cards, search results)."""

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Afbeelding in overzichten",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Getoond als deze pagina in een overzicht staat.",
    )
    listing_summary = models.TextField(
        "Samenvatting in overzichten",
        blank=True,
        help_text="Korte tekst voor overzichten en zoekresultaten. Leeg: de inleiding.",
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_summary")],
            heading="In overzichten",
        )
    ]

    class Meta:
        abstract = True

    @property
    def summary(self):
        return self.listing_summary or getattr(self, "intro", "") or self.search_description


class SocialMixin(models.Model):
    """The image search engines and social media show when the page is shared.

    Wagtail's own ``seo_title`` and ``search_description`` cover the title and the
    description; this adds the share image (Open Graph and Twitter card).
    """

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Deelafbeelding",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "Afbeelding bij delen op sociale media (liefst 1200 × 630 pixels). "
            "Leeg: de afbeelding in overzichten, anders de standaardafbeelding van de website."
        ),
    )

    social_panels = [FieldPanel("social_image")]

    class Meta:
        abstract = True


class BasePage(IntroMixin, ListingMixin, SocialMixin, Page):
    """Abstract base of every page on the site: no table of its own."""

    content_panels = Page.content_panels + IntroMixin.intro_panels
    promote_panels = Page.promote_panels + SocialMixin.social_panels + ListingMixin.listing_panels
    search_fields = Page.search_fields + IntroMixin.intro_search_fields

    # Every page type's queryset can fetch what its cards draw (``with_card_images()``).
    objects = CardPageManager()

    class Meta:
        abstract = True
