"""Small abstract mixins that page models compose; each owns its fields and panels."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, get_page_models
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

    # How the page is shared (Open Graph og:type, core/templatetags/seo_tags.py): "website",
    # or "article" for the dated stories (news items, cases) that set it.
    share_as = "website"

    content_panels = Page.content_panels + IntroMixin.intro_panels
    promote_panels = Page.promote_panels + SocialMixin.social_panels + ListingMixin.listing_panels
    search_fields = Page.search_fields + IntroMixin.intro_search_fields

    # Every page type's queryset can fetch what its cards draw (``with_card_images()``).
    objects = CardPageManager()

    class Meta:
        abstract = True


class PlacedByParentMixin:
    """A page type whose allowed parents are exactly the page types that list it.

    For a page of a lower layer whose parent lives in a higher layer (the section indexes
    under the home page, a goal under a programme page): the lower app may not name the
    higher one, not even as a ``"home.HomePage"`` string. So the parent names the child in
    its ``subpage_types`` (a real class: the higher layer may import the lower), and the
    child, instead of ``parent_page_types``, takes this mixin: its allowed parents are every
    page type whose ``subpage_types`` is set and contains it. A page type that leaves
    ``subpage_types`` unset (Wagtail's "anything goes", e.g. the tree root) does not count,
    so the child is not allowed everywhere.

    Overrides Wagtail's public classmethod ``clean_parent_page_models``, which Wagtail's
    ``allowed_parent_page_models``, ``allowed_subpage_models``, ``can_create_at`` and
    ``can_move_to`` consult. Put it before ``BasePage`` in the bases, and set no
    ``parent_page_types`` on the class.
    """

    @classmethod
    def clean_parent_page_models(cls):
        return [
            model
            for model in get_page_models()
            if getattr(model, "subpage_types", None) is not None
            and cls in model.clean_subpage_models()
        ]
