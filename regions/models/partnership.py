"""Partnerships (pps): the structured record behind the map, the write-ups and the figures."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.forms import CheckboxSelectMultiple
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PublishingPanel,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.models import Person

from ..panels import LeafletPanel
from .taxonomy import EducationLevel, FundingSource, Region, Sector, Theme

# "SRID=4326;POINT(lng lat)": the format wagtailgeowidget reads and writes.
POINT_PATTERN = re.compile(r"^SRID=4326;POINT\s?\((-?[0-9.]+)\s(-?[0-9.]+)\)$")
# A generous box around the Netherlands (Caribbean parts excluded).
NL_BOUNDS = {"lat": (50.7, 53.7), "lng": (3.2, 7.3)}


def parse_point(value):
    """Return (lat, lng) from a geowidget point string, or None when empty or malformed."""
    match = POINT_PATTERN.match((value or "").strip())
    if not match:
        return None
    return float(match.group(2)), float(match.group(1))


def format_point(lat, lng):
    return f"SRID=4326;POINT({lng} {lat})"


def in_netherlands(lat, lng):
    return NL_BOUNDS["lat"][0] <= lat <= NL_BOUNDS["lat"][1] and (
        NL_BOUNDS["lng"][0] <= lng <= NL_BOUNDS["lng"][1]
    )


# The years a partnership can have started in; goal targets that count partnerships by
# start year (cases/models/targets.py) take the same range.
START_YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]


def fixed_section(label, help_text):
    """A section of the fixed-format write-up ("vast format"): optional rich text."""
    field = RichTextField(label, blank=True, features=RICH_TEXT_FEATURES, help_text=help_text)
    field.fixed_section = True  # read by is_fixed_section; not part of the schema
    return field


def is_fixed_section(value):
    return getattr(value, "fixed_section", False) is True


class PartnershipQuerySet(models.QuerySet):
    def published(self):
        """The published partnerships: drafts never leave the admin."""
        return self.filter(live=True)


class Partnership(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A regional public-private partnership (snippet, Regionaal netwerk → Samenwerkingen).

    Published partnerships appear on the network map (/netwerkkaart/), in their own
    fixed-format write-up (/netwerkkaart/<slug>/), in the open data and in the live
    figures. Drafts and internal conversations never reach the public site.
    """

    class Kind(models.TextChoices):
        CIV = "civ", "Centrum voor Innovatief Vakmanschap (CIV)"
        COE = "coe", "Centre of Expertise (CoE)"
        PRACTORAAT = "practoraat", "Practoraat"
        FIELD_LAB = "field_lab", "Field lab"
        LEARNING_COMMUNITY = "learning_community", "Learning community"
        CAMPUS = "campus", "Campus"
        REGIONAL_PACT = "regional_pact", "Regionaal (techniek)pact"
        OTHER = "other", "Anders"

    class Status(models.TextChoices):
        STARTING = "starting", "In opbouw"
        ACTIVE = "active", "Actief"
        SUSTAINABLE = "sustainable", "Duurzaam verankerd"
        ENDED = "ended", "Beëindigd"

    name = models.CharField(
        "Naam", max_length=160, help_text="De naam waaronder de samenwerking bekend is."
    )
    slug = models.SlugField(
        "Slug", max_length=100, unique=True, help_text="Deel van de URL: /netwerkkaart/<slug>/."
    )
    summary = models.TextField(
        "Samenvatting", max_length=600, help_text="Twee of drie zinnen: wat doet deze samenwerking?"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Logo van de samenwerking, liefst op een witte achtergrond.",
    )
    website = models.URLField("Website", blank=True, help_text="Volledige link, met https://.")
    kind = models.CharField(
        "Soort",
        max_length=30,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text="Het soort samenwerking.",
    )
    status = models.CharField(
        "Status",
        max_length=20,
        choices=Status.choices,
        default=Status.ACTIVE,
        help_text="Hoe ver de samenwerking is.",
    )
    region = models.ForeignKey(
        Region,
        verbose_name="Arbeidsmarktregio",
        on_delete=models.PROTECT,
        related_name="partnerships",
        help_text="De arbeidsmarktregio waar de samenwerking vooral actief is.",
    )
    city = models.CharField(
        "Plaats", max_length=80, blank=True, help_text="Vestigingsplaats, bijvoorbeeld Enschede."
    )
    location = models.CharField(
        "Locatie op de kaart",
        max_length=80,
        blank=True,
        help_text="Klik op de kaart of vul de coördinaten in. Leeg: de samenwerking staat wel in de lijst, niet op de kaart.",
    )
    # Derived from `location` on save, so queries and GeoJSON need no parsing.
    latitude = models.FloatField("Breedtegraad", null=True, blank=True, editable=False)
    longitude = models.FloatField("Lengtegraad", null=True, blank=True, editable=False)

    sectors = ParentalManyToManyField(
        Sector,
        verbose_name="Sectoren",
        blank=True,
        related_name="partnerships",
        help_text="Voor welke sectoren leidt de samenwerking op?",
    )
    themes = ParentalManyToManyField(
        Theme,
        verbose_name="Thema's",
        blank=True,
        related_name="partnerships",
        help_text="Aan welke thema's werkt de samenwerking?",
    )
    education_levels = ParentalManyToManyField(
        EducationLevel,
        verbose_name="Onderwijsniveaus",
        blank=True,
        related_name="partnerships",
        help_text="Welke onderwijsniveaus doen mee?",
    )
    funding_sources = ParentalManyToManyField(
        FundingSource,
        verbose_name="Financiering",
        blank=True,
        related_name="partnerships",
        help_text="Waar komt het geld vandaan?",
    )

    companies_count = models.PositiveIntegerField(
        "Aantal bedrijven", null=True, blank=True, help_text="Aantal deelnemende bedrijven."
    )
    students_count = models.PositiveIntegerField(
        "Aantal studenten",
        null=True,
        blank=True,
        help_text="Aantal studenten dat per jaar wordt bereikt.",
    )
    teachers_count = models.PositiveIntegerField(
        "Aantal docenten", null=True, blank=True, help_text="Aantal betrokken docenten."
    )
    schools_count = models.PositiveIntegerField(
        "Aantal onderwijsinstellingen",
        null=True,
        blank=True,
        help_text="Aantal deelnemende scholen en instellingen.",
    )
    start_year = models.PositiveSmallIntegerField(
        "Startjaar",
        null=True,
        blank=True,
        validators=START_YEAR_VALIDATORS,
        help_text="Het jaar waarin de samenwerking begon.",
    )
    contact_person = models.ForeignKey(
        Person,
        verbose_name="Contactpersoon",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partnerships",
        help_text="Wie kunnen bezoekers bellen of mailen?",
    )

    # The fixed-format sections ("vast format"), shown in this order (FIXED_SECTIONS).
    background = fixed_section("Aanleiding", "Waarom is de samenwerking ontstaan?")
    ambition = fixed_section("Ambitie en doelen", "Wat wil de samenwerking bereiken?")
    approach = fixed_section("Aanpak", "Hoe werken de partners samen?")
    results = fixed_section("Resultaten", "Wat is er tot nu toe bereikt?")
    lessons = fixed_section("Lessen en succesfactoren", "Wat kunnen anderen hiervan leren?")
    next_steps = fixed_section("Vervolg", "Wat zijn de volgende stappen?")

    updated_at = models.DateTimeField("Laatst bijgewerkt", auto_now=True)

    # The names of the fields made by fixed_section(), in the order they are declared.
    FIXED_SECTIONS = [name for name, value in list(locals().items()) if is_fixed_section(value)]

    objects = PartnershipQuerySet.as_manager()

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldPanel("slug"),
                    FieldPanel("summary"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                    FieldRowPanel([FieldPanel("start_year"), FieldPanel("website")]),
                    FieldPanel("logo"),
                    FieldPanel("contact_person"),
                    # Go-live and expiry dates, shown in the status side panel's dialog.
                    PublishingPanel(),
                ],
                heading="Algemeen",
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("region"), FieldPanel("city")]),
                    LeafletPanel("location"),
                ],
                heading="Regio en locatie",
            ),
            ObjectList(
                [
                    FieldPanel("sectors", widget=CheckboxSelectMultiple),
                    FieldPanel("themes", widget=CheckboxSelectMultiple),
                    FieldPanel("education_levels", widget=CheckboxSelectMultiple),
                    FieldPanel("funding_sources", widget=CheckboxSelectMultiple),
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [FieldPanel("companies_count"), FieldPanel("students_count")]
                            ),
                            FieldRowPanel(
                                [FieldPanel("teachers_count"), FieldPanel("schools_count")]
                            ),
                        ],
                        heading="Kerncijfers",
                    ),
                ],
                heading="Kenmerken",
            ),
            ObjectList(
                [FieldPanel(name) for name in FIXED_SECTIONS]
                + [InlinePanel("partners", heading="Partners", label="Partner")],
                heading="Vast format",
            ),
            ObjectList(
                [InlinePanel("conversations", heading="Gesprekken", label="Gesprek")],
                heading="Gesprekken",
            ),
        ]
    )

    search_fields = [
        index.SearchField("name", boost=4),
        index.AutocompleteField("name"),
        index.SearchField("summary", boost=2),
        index.SearchField("city"),
        *[index.SearchField(name) for name in FIXED_SECTIONS],
        index.RelatedFields("region", [index.SearchField("name")]),
        index.FilterField("live"),
        index.FilterField("region"),
        index.FilterField("kind"),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "Samenwerking (pps)"
        verbose_name_plural = "Samenwerkingen (pps)"
        # The map's list and the open data are ordered by name (then id): without this
        # index each list page sorted every partnership to show twenty.
        indexes = [models.Index(fields=["name", "id"], name="partnership_name_idx")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.location:
            point = parse_point(self.location)
            if point is None:
                raise ValidationError(
                    {"location": "Dit is geen geldige locatie. Kies een punt op de kaart."}
                )
            if not in_netherlands(*point):
                raise ValidationError({"location": "Deze locatie ligt niet in Nederland."})

    def save(self, *args, **kwargs):
        point = parse_point(self.location)
        self.latitude, self.longitude = point if point else (None, None)
        super().save(*args, **kwargs)

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    def fixed_sections(self):
        """The write-up's sections in their fixed order, empty ones included."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in self.FIXED_SECTIONS
        ]

    def get_preview_template(self, request, mode_name):
        return "regions/partnership_detail.html"


class Partner(Orderable):
    """One organisation in a partnership (inline on the partnership)."""

    class Kind(models.TextChoices):
        MBO = "mbo", "Mbo-instelling"
        HBO = "hbo", "Hogeschool"
        WO = "wo", "Universiteit"
        COMPANY = "company", "Bedrijf"
        GOVERNMENT = "government", "Overheid"
        KNOWLEDGE = "knowledge", "Kennisinstelling"
        SECTOR = "sector", "Brancheorganisatie"
        OTHER = "other", "Anders"

    partnership = ParentalKey(Partnership, on_delete=models.CASCADE, related_name="partners")
    organisation = models.CharField(
        "Organisatie", max_length=160, help_text="Naam van de organisatie."
    )
    kind = models.CharField(
        "Soort",
        max_length=20,
        choices=Kind.choices,
        default=Kind.COMPANY,
        help_text="Wat voor organisatie is het?",
    )
    role = models.CharField(
        "Rol",
        max_length=80,
        blank=True,
        help_text="Bijvoorbeeld penvoerder, partner of kennispartner.",
    )
    website = models.URLField("Website", blank=True, help_text="Volledige link, met https://.")

    panels = [
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("role"), FieldPanel("website")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Partner"
        verbose_name_plural = "Partners"

    def __str__(self):
        return self.organisation


class Conversation(Orderable):
    """The fixed-format record of one conversation with a partnership (inline).

    Internal unless "public" is ticked: a non-public conversation never reaches a public
    page, the search index, the open data or any export.
    """

    partnership = ParentalKey(Partnership, on_delete=models.CASCADE, related_name="conversations")
    date = models.DateField("Datum", help_text="Datum van het gesprek.")
    with_whom = models.CharField(
        "Met wie", max_length=200, help_text="Namen en rollen van de gesprekspartners."
    )
    subject = models.CharField("Onderwerp", max_length=200, help_text="Waar ging het gesprek over?")
    summary = models.TextField("Samenvatting", help_text="De kern van het gesprek.")
    agreements = models.TextField("Afspraken", blank=True, help_text="Wat is er afgesproken?")
    follow_up = models.TextField("Vervolg", blank=True, help_text="Wie doet wat, en wanneer?")
    is_public = models.BooleanField(
        "Openbaar",
        default=False,
        help_text="Alleen aanvinken als dit verslag op de website mag staan. Anders blijft het intern.",
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("is_public")]),
        FieldPanel("with_whom"),
        FieldPanel("subject"),
        FieldPanel("summary"),
        FieldPanel("agreements"),
        FieldPanel("follow_up"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Gesprek"
        verbose_name_plural = "Gesprekken"

    def __str__(self):
        return f"{self.date:%d-%m-%Y}: {self.subject}"
