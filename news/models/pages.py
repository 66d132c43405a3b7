"""News: the news index (``/nieuws/``) with filters and RSS, and the news items below it."""

from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils import timezone
from django.views.decorators.http import conditional_page
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from core.listing import FilteredListingMixin
from core.models import ArticlePage, BasePage, Person, PlacedByParentMixin
from core.querysets import linked_to_any
from news.feeds import NewsFeed
from news.filters import NewsFilterSet
from regions.models import Region, Theme

from .relations import NewsPageTag

NEWS_PER_PAGE = 10
RELATED_NEWS = 3


class NewsIndexPage(FilteredListingMixin, RoutablePageMixin, PlacedByParentMixin, BasePage):
    """The news overview (``/nieuws/``), once, directly under the home page.

    Lists the published news items below it, newest first, with filters for theme, region
    and year; serves the RSS feed at ``/nieuws/feed/``.
    """

    subpage_types = ["news.NewsPage"]
    max_count = 1

    filterset_class = NewsFilterSet
    per_page = NEWS_PER_PAGE

    class Meta:
        verbose_name = "Nieuwsoverzicht"
        verbose_name_plural = "Nieuwsoverzichten"

    def news_items(self):
        return NewsPage.objects.child_of(self).live().public()

    def listing_items(self):
        return self.news_items()

    def arrange_listing(self, queryset):
        return queryset.with_card_images().order_by("-date", "-pk")

    @path("")
    def index_route(self, request):
        return self.render(request, context_overrides=self.listing_context(request))

    @path("feed/", name="feed")
    def feed_route(self, request):
        # The feed's Last-Modified (and an ETag of its content) answer conditional GETs with
        # 304, as ConditionalGetMiddleware would; feed readers poll it often.
        return conditional_page(NewsFeed(self))(request)


class NewsPage(ArticlePage):
    """One news item (``/nieuws/<slug>/``), only under the news index."""

    share_as = "article"
    # The JSON-LD type of the article (core/templatetags/seo_tags.py); a case is an Article.
    schema_article_type = "NewsArticle"

    date = models.DateField(
        "Datum", default=timezone.localdate, help_text="De datum die boven het bericht staat."
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        verbose_name="Trefwoorden",
        blank=True,
        help_text="Losse trefwoorden, gescheiden door komma's.",
    )
    themes = ParentalManyToManyField(
        Theme,
        verbose_name="Thema's",
        blank=True,
        related_name="news_pages",
        help_text="Over welke thema's gaat dit bericht? Gebruikt door het filter op /nieuws/.",
    )
    regions = ParentalManyToManyField(
        Region,
        verbose_name="Regio's",
        blank=True,
        related_name="news_pages",
        help_text="Over welke arbeidsmarktregio's gaat dit bericht?",
    )
    author = models.ForeignKey(
        Person,
        verbose_name="Auteur of contactpersoon",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Wie schreef het bericht, of wie kunnen lezers benaderen?",
    )

    content_panels = ArticlePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("main_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("tags"),
                FieldPanel("themes", widget=CheckboxSelectMultiple),
                FieldPanel("regions"),
            ],
            heading="Indeling",
        ),
        InlinePanel("related_partnerships", heading="Samenwerkingen", label="Samenwerking"),
        FieldPanel("author"),
    ]
    search_fields = ArticlePage.search_fields + [
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("regions", [index.SearchField("name")]),
        index.RelatedFields("author", [index.SearchField("name")]),
        index.RelatedFields(
            "related_partnerships",
            [index.RelatedFields("partnership", [index.SearchField("name")])],
        ),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Nieuwsbericht"
        verbose_name_plural = "Nieuwsberichten"
        # Lists and related news are newest first: walk the dates instead of sorting all.
        indexes = [models.Index(fields=["-date"], name="newspage_date_idx")]

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        # Wagtail indexes on post_save, before modelcluster has written the tags, themes,
        # regions and partnership links; index again now that they are stored.
        index.insert_or_update_object(self)
        return result

    def related_news(self, themes=None, regions=None):
        """Up to three other published items sharing a theme or region, newest first.

        ``themes`` and ``regions`` are this item's, when the caller has them already.
        ``Exists`` per relation rather than joins: PostgreSQL can then walk the items
        newest first (the date index) and stop at the third match, instead of collecting
        every item that shares something and sorting them all.
        """
        terms = {
            "themes": self.themes.all() if themes is None else themes,
            "regions": self.regions.all() if regions is None else regions,
        }
        shared = models.Q(pk__in=[])
        for relation, chosen in terms.items():
            ids = [term.pk for term in chosen]
            if ids:
                shared |= linked_to_any(NewsPage, relation, ids)
        return list(
            NewsPage.objects.live()
            .public()
            .exclude(pk=self.pk)
            .filter(shared)
            .with_card_images()
            .order_by("-date", "-pk")[:RELATED_NEWS]
        )

    def live_partnerships(self):
        """The linked partnerships that are published; drafts never show."""
        return [
            link.partnership
            for link in self.related_partnerships.select_related("partnership").filter(
                partnership__live=True
            )
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partnerships"] = self.live_partnerships()
        # Read once: the page shows them and related news is chosen by them.
        context["themes"] = list(self.themes.all())
        context["regions"] = list(self.regions.all())
        context["related"] = self.related_news(context["themes"], context["regions"])
        return context
