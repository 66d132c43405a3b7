"""Region profiles: the index of labour-market regions and one profile page per region."""

from collections import namedtuple

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.http import JsonResponse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index

from core.models import BasePage, Person, PlacedByParentMixin
from regions import related
from regions.charts import bar_chart_svg, group_charts

from .partnership import Partnership
from .taxonomy import Province, Region

KIND_LABELS = dict(Partnership.Kind.choices)
# A row of a region profile's partnership list; partnership_url needs only the slug.
ListedPartnership = namedtuple("ListedPartnership", "name slug kind_label city")

DEMO_SOURCE = "Demogegevens"


class RegionIndexPage(RoutablePageMixin, PlacedByParentMixin, BasePage):
    """All labour-market regions (``/regios/``), once, directly under the home page.

    A list grouped by province (the accessible version) and a map of the region centres
    fed by ``/regios/kaart.geojson``. Each region links to its profile when it has one.
    """

    subpage_types = ["regions.RegionProfilePage"]
    max_count = 1

    class Meta:
        verbose_name = "Regio-overzicht"
        verbose_name_plural = "Regio-overzichten"

    def profile_urls(self, request=None):
        """Region id → URL of its published profile, in one query."""
        profiles = (
            RegionProfilePage.objects.child_of(self)
            .live()
            .public()
            .only("url_path", "region_id", "path", "depth")
        )
        return {profile.region_id: profile.get_url(request) for profile in profiles}

    def regions_by_province(self, request=None):
        """Provinces with their regions, each region carrying ``profile_url`` or None."""
        urls = self.profile_urls(request)
        provinces = Province.objects.prefetch_related(
            Prefetch("regions", queryset=Region.objects.order_by("name"))
        ).order_by("name")
        grouped = []
        for province in provinces:
            regions = list(province.regions.all())
            for region in regions:
                region.profile_url = urls.get(region.pk)
            if regions:
                grouped.append((province, regions))
        return grouped

    @path("")
    def index_route(self, request):
        return self.render(
            request,
            context_overrides={
                "provinces": self.regions_by_province(request),
                "geojson_url": self.get_url(request) + "kaart.geojson",
            },
        )

    @path("kaart.geojson/", name="geojson")
    def geojson_route(self, request):
        """The region centres as GeoJSON for the map; the popup links to the profile."""
        base = self.get_url(request)
        features = []
        for province, regions in self.regions_by_province(request):
            for region in regions:
                features.append(
                    {
                        "type": "Feature",
                        "geometry": {
                            "type": "Point",
                            "coordinates": [region.longitude, region.latitude],
                        },
                        "properties": {
                            "name": region.name,
                            "kind_label": "Arbeidsmarktregio",
                            "region": province.name,
                            "url": region.profile_url or f"{base}#regio-{region.slug}",
                        },
                    }
                )
        return JsonResponse(
            {"type": "FeatureCollection", "features": features},
            content_type="application/geo+json",
        )


class RegionProfilePage(BasePage):
    """One labour-market region's profile (``/regios/<slug>/``), under the region index.

    Figures are typed as rows (or loaded with ``manage.py import_region_figures``) and shown
    as a table and as charts. Partnerships, cases and news are derived from the region,
    never typed twice.
    """

    region = models.OneToOneField(
        Region,
        verbose_name="Arbeidsmarktregio",
        on_delete=models.PROTECT,
        related_name="profile_page",
        help_text="De regio van dit profiel. Elke regio heeft hooguit één profiel.",
    )
    contact_person = models.ForeignKey(
        Person,
        verbose_name="Contactpersoon",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Wie bezoekers kunnen bellen of mailen over deze regio.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("region"),
        FieldPanel("contact_person"),
        InlinePanel(
            "figures",
            heading="Kerncijfers",
            label="Cijfer",
            help_text="Cijfers over onderwijs en arbeidsmarkt; ook te laden met een import.",
        ),
        InlinePanel("downloads", heading="Downloads", label="Download"),
    ]
    search_fields = BasePage.search_fields + [
        index.RelatedFields("region", [index.SearchField("name", boost=2)]),
    ]

    parent_page_types = ["regions.RegionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Regioprofiel"
        verbose_name_plural = "Regioprofielen"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The region and its province in one query, cached on the foreign key.
        self.region = Region.objects.select_related("province").get(pk=self.region_id)
        figures = list(self.figures.all())
        topic_labels = dict(RegionFigure.Topic.choices)
        charts = group_charts(figures, topic_labels)
        context.update(
            {
                # The table groups an indicator's years together, newest first.
                "figures": sorted(
                    figures,
                    key=lambda f: (
                        f.topic != RegionFigure.Topic.EDUCATION,
                        f.indicator.lower(),
                        -f.year,
                    ),
                ),
                "is_demo": any(figure.source.startswith(DEMO_SOURCE) for figure in figures),
                "charts": [
                    (chart, bar_chart_svg(chart, f"grafiek-{number}"))
                    for number, chart in enumerate(charts, start=1)
                ],
                "documents": [
                    download.document
                    for download in self.downloads.select_related(
                        "document__accessible_alternative_page"
                    )
                ],
                # Plain rows of what the list shows: a region has a hundred and more, and
                # building a model instance per row was a fifth of the page's time.
                "partnerships": [
                    ListedPartnership(name, slug, KIND_LABELS.get(kind, ""), city)
                    for name, slug, kind, city in Partnership.objects.published()
                    .filter(region_id=self.region_id)
                    .order_by("name", "pk")
                    .values_list("name", "slug", "kind", "city")
                ],
                # Registered by the cases, news and events apps (regions/related.py).
                "cases": related.pages_about_region("cases", self.region_id),
                "news": related.pages_about_region("news", self.region_id),
                "events": related.pages_about_region("events", self.region_id),
            }
        )
        return context


class RegionFigure(Orderable):
    """One key figure of a region profile: an indicator's value in a year, with its source."""

    class Topic(models.TextChoices):
        EDUCATION = "onderwijs", "Onderwijs"
        LABOUR_MARKET = "arbeidsmarkt", "Arbeidsmarkt"

    page = ParentalKey(RegionProfilePage, on_delete=models.CASCADE, related_name="figures")
    topic = models.CharField(
        "Onderwerp",
        max_length=20,
        choices=Topic.choices,
        default=Topic.EDUCATION,
        help_text="Cijfers met hetzelfde onderwerp en dezelfde eenheid komen in één grafiek.",
    )
    indicator = models.CharField(
        "Indicator", max_length=120, help_text="Bijvoorbeeld 'Studenten mbo techniek'."
    )
    value = models.DecimalField(
        "Waarde", max_digits=14, decimal_places=2, help_text="Het getal, bijvoorbeeld 12345 of 4,5."
    )
    unit = models.CharField(
        "Eenheid",
        max_length=30,
        blank=True,
        help_text="Bijvoorbeeld '%', 'studenten' of 'vacatures'. Leeg voor een aantal.",
    )
    year = models.PositiveSmallIntegerField("Jaar", help_text="Het jaar waarover het cijfer gaat.")
    source = models.CharField(
        "Bron",
        max_length=200,
        help_text="Waar komt het cijfer vandaan, bijvoorbeeld 'CBS' of 'DUO'.",
    )

    panels = [
        FieldPanel("topic"),
        FieldPanel("indicator"),
        FieldPanel("value"),
        FieldPanel("unit"),
        FieldPanel("year"),
        FieldPanel("source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Kerncijfer"
        verbose_name_plural = "Kerncijfers"

    def __str__(self):
        return f"{self.indicator} ({self.year})"


class RegionDownload(Orderable):
    """A download on a region profile: a full profile as PDF or spreadsheet."""

    page = ParentalKey(RegionProfilePage, on_delete=models.CASCADE, related_name="downloads")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name="Bestand",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Geef bij het document aan of het digitaal toegankelijk is.",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "Download"
        verbose_name_plural = "Downloads"
