"""Region profiles: the index of labour-market regions and one profile page per region."""

from collections import namedtuple

from django.conf import settings
from django.db import models
from django.db.models import Avg, Count, Prefetch, Sum
from django.http import JsonResponse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index

from core.models import BasePage, Person, PlacedByParentMixin
from regions import regionmap, related
from regions.charts import bar_chart_svg, group_charts
from regions.choropleth import choropleth_svg, locator_svg
from regions.trends import trend_svg, trends

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

    def published_profiles(self):
        """The published, public profiles under this index (one query, and one for the
        view restrictions): only what their URLs need."""
        return list(
            RegionProfilePage.objects.child_of(self)
            .live()
            .public()
            .only("url_path", "region_id", "path", "depth")
        )

    def regions_by_province(self, request=None, profiles=None):
        """Provinces with their regions, each region carrying ``profile_url`` or None."""
        if profiles is None:
            profiles = self.published_profiles()
        urls = {profile.region_id: profile.get_url(request) for profile in profiles}
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
        """The coloured map of the regions, its table, and the list by province."""
        profiles = self.published_profiles()
        provinces = self.regions_by_province(request, profiles)
        rows = region_rows(provinces, profiles)
        metric, problem = regionmap.chosen_metric(request.GET.get(regionmap.PARAMETER))
        svg, legend = choropleth_svg(
            [regionmap.area(metric, row) for row in rows],
            f"Kaart van de arbeidsmarktregio's: {metric.label.lower()}",
            metric.unit,
        )
        return self.render(
            request,
            context_overrides={
                "provinces": provinces,
                "rows": rows,
                "metric": metric,
                "metrics": regionmap.METRICS.values(),
                "metric_problem": problem,
                "choropleth": svg,
                "legend": legend,
                "has_demo_figures": any(row.mkb and row.mkb.is_demo for row in rows),
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


def region_rows(provinces, profiles):
    """One row per region for the coloured map and its table, sorted by name.

    Two queries, whatever the number of regions and partnerships: the published
    partnerships counted per region, and the newest mkb-reach figure of each published
    profile.
    """
    totals = {
        row["region_id"]: row
        for row in Partnership.objects.published()
        .order_by()
        .values("region_id")
        .annotate(partnerships=Count("pk"), companies=Sum("companies_count"))
    }
    mkb = {}
    profile_regions = {profile.pk: profile.region_id for profile in profiles}
    figures = (
        RegionFigure.objects.filter(
            page_id__in=profile_regions, indicator__iexact=regionmap.MKB_REACH
        )
        .order_by("year", "pk")
        .values_list("page_id", "value", "unit", "year", "source")
    )
    for page_id, value, unit, year, source in figures:  # newest year wins
        mkb[profile_regions[page_id]] = regionmap.SourcedValue(
            value, unit, year, source, source.startswith(DEMO_SOURCE)
        )
    rows = []
    for province, regions in provinces:
        for region in regions:
            total = totals.get(region.pk, {})
            rows.append(
                regionmap.RegionRow(
                    region=region,
                    province=province,
                    url=region.profile_url,
                    partnerships=total.get("partnerships", 0),
                    # No partnership: none involved. Partnerships that give no number: unknown.
                    companies=total.get("companies", 0) if total else 0,
                    mkb=mkb.get(region.pk),
                )
            )
    return sorted(rows, key=lambda row: row.region.name.lower())


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
        region_trends = trends(figures, self.regions_averages(figures))
        context.update(
            {
                "trends": [
                    (trend, trend_svg(trend, f"trend-{number}", self.region.name))
                    for number, trend in enumerate(region_trends, start=1)
                ],
                # The table groups an indicator's years together, newest first.
                "figures": sorted(
                    figures,
                    key=lambda f: (
                        f.topic != RegionFigure.Topic.EDUCATION,
                        f.indicator.lower(),
                        -f.year,
                    ),
                ),
                "locator": locator_svg(
                    self.region.name, f"Ligging van {self.region.name} in Nederland"
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

    def regions_averages(self, figures):
        """(indicator in lower case, unit, year) → (average, number of regions) over the
        published, public profiles, for this profile's indicators: two queries (the
        profiles' view restrictions and the averages), however many figures there are."""
        public = RegionProfilePage.objects.live().public().values("pk")
        rows = (
            RegionFigure.objects.filter(
                page_id__in=public, indicator__in={figure.indicator for figure in figures}
            )
            .order_by()
            .values("indicator", "unit", "year")
            .annotate(average=Avg("value"), regions=Count("page_id", distinct=True))
        )
        return {
            (row["indicator"].lower(), row["unit"], row["year"]): (row["average"], row["regions"])
            for row in rows
        }


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
