"""Reference data of the regional network: provinces, labour-market regions and taxonomies.

Loaded by data migrations and editable in the admin (Regionaal netwerk).
"""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class Province(index.Indexed, models.Model):
    """One of the 12 Dutch provinces (CBS spelling, e.g. Fryslân), used as a map filter."""

    name = models.CharField(
        "Naam", max_length=60, unique=True, help_text="CBS-spelling, bijvoorbeeld Fryslân."
    )
    slug = models.SlugField(
        "Slug", max_length=60, unique=True, help_text="Gebruikt in filter-URL's."
    )
    latitude = models.FloatField("Breedtegraad centrum", help_text="Bijvoorbeeld 52.09.")
    longitude = models.FloatField("Lengtegraad centrum", help_text="Bijvoorbeeld 5.12.")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading="Centrum"),
    ]
    # Indexed, so the admin's province chooser has a search box that finds it by name.
    search_fields = [index.SearchField("name", boost=2), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "Provincie"
        verbose_name_plural = "Provincies"

    def __str__(self):
        return self.name


class Region(index.Indexed, models.Model):
    """A labour-market region (arbeidsmarktregio): where partnerships and profiles belong."""

    name = models.CharField(
        "Naam", max_length=80, unique=True, help_text="Naam zoals het CBS die gebruikt."
    )
    slug = models.SlugField(
        "Slug",
        max_length=80,
        unique=True,
        help_text="Gebruikt in URL's, bijvoorbeeld /regios/twente/.",
    )
    province = models.ForeignKey(
        Province,
        verbose_name="Provincie",
        on_delete=models.PROTECT,
        related_name="regions",
        help_text="De provincie van de centrumgemeente.",
    )
    centre_city = models.CharField(
        "Centrumgemeente", max_length=80, help_text="De grootste stad van de regio."
    )
    latitude = models.FloatField("Breedtegraad centrum", help_text="Bijvoorbeeld 52.22.")
    longitude = models.FloatField("Lengtegraad centrum", help_text="Bijvoorbeeld 6.89.")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("province"),
        MultiFieldPanel(
            [
                FieldPanel("centre_city"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Centrum",
        ),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("centre_city"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "Arbeidsmarktregio"
        verbose_name_plural = "Arbeidsmarktregio's"

    def __str__(self):
        return self.name


class TaxonomyTerm(index.Indexed, models.Model):
    """Abstract term of an editable, seeded list (themes, sectors, …)."""

    name = models.CharField(
        "Naam", max_length=80, unique=True, help_text="Zoals bezoekers het lezen."
    )
    slug = models.SlugField(
        "Slug", max_length=80, unique=True, help_text="Gebruikt in filter-URL's."
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    # Indexed, so the admin's choosers (a news item's themes, …) find a term by name.
    search_fields = [index.SearchField("name", boost=2), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Theme(TaxonomyTerm):
    """A theme a partnership works on (e.g. leven lang ontwikkelen, vrouwen in ICT)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "Thema"
        verbose_name_plural = "Thema's"


class Sector(TaxonomyTerm):
    """An economic sector a partnership serves (e.g. ICT, zorg, energie)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "Sector"
        verbose_name_plural = "Sectoren"


class EducationLevel(TaxonomyTerm):
    """An education level taking part (vmbo, mbo, hbo, wo)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "Onderwijsniveau"
        verbose_name_plural = "Onderwijsniveaus"


class FundingSource(TaxonomyTerm):
    """Where a partnership's money comes from (RIF, Nationaal Groeifonds, EU, …)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "Financieringsbron"
        verbose_name_plural = "Financieringsbronnen"
