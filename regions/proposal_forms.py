"""The public form for registering a partnership or proposing a change to one.

Only the public fields of a partnership; never its conversations. Everything typed is
plain text: tags are removed, and the fixed-format sections become escaped paragraphs
when the editors' version is made (regions/proposals.py).
"""

from django import forms
from wagtail.images.fields import WagtailImageField

from .models.partnership import Partnership, in_netherlands
from .models.taxonomy import Region
from .proposals import SCALAR_FIELDS, TAXONOMIES, plain_text

HONEYPOT_FIELD = "uw-website"
MAX_PARTNERS = 40


class PlainTextField(forms.CharField):
    """A text field whose value has no markup left (see proposals.plain_text)."""

    def to_python(self, value):
        return plain_text(super().to_python(value))


def model_field(name, **kwargs):
    """The public form field of a partnership field, with its label, limits and help text."""
    field = Partnership._meta.get_field(name)
    return field.formfield(**kwargs)


def text(name, required=False, textarea=False, max_length=None):
    field = Partnership._meta.get_field(name)
    return PlainTextField(
        label=field.verbose_name,
        help_text=field.help_text,
        required=required,
        max_length=max_length or field.max_length or 5000,
        widget=forms.Textarea(attrs={"rows": 5}) if textarea else None,
    )


class ProposalForm(forms.Form):
    """The public fields of a partnership, the submitter's address and the honeypot."""

    name = text("name", required=True)
    summary = text("summary", required=True, textarea=True)
    kind = model_field("kind")
    status = model_field("status")
    start_year = model_field("start_year", required=False, min_value=1990, max_value=2100)
    website = model_field("website", assume_scheme="https")
    logo = WagtailImageField(
        label="Logo",
        required=False,
        help_text="Een gif-, jpg-, png- of webp-bestand, liefst op een witte achtergrond.",
    )
    region = forms.ModelChoiceField(
        label="Arbeidsmarktregio",
        queryset=Region.objects.order_by("name"),
        error_messages={
            "required": "Kies de arbeidsmarktregio.",
            "invalid_choice": "Kies een arbeidsmarktregio uit de lijst.",
        },
        help_text=Partnership._meta.get_field("region").help_text,
    )
    city = text("city")
    latitude = forms.FloatField(
        label="Breedtegraad",
        required=False,
        localize=True,
        help_text="Voor de kaart, bijvoorbeeld 52,22. Leeg: niet op de kaart.",
    )
    longitude = forms.FloatField(
        label="Lengtegraad",
        required=False,
        localize=True,
        help_text="Voor de kaart, bijvoorbeeld 6,89.",
    )
    partners = PlainTextField(
        label="Partners",
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Eén organisatie per regel.",
    )
    companies_count = model_field("companies_count", required=False)
    students_count = model_field("students_count", required=False)
    teachers_count = model_field("teachers_count", required=False)
    schools_count = model_field("schools_count", required=False)

    submitter_name = PlainTextField(
        label="Uw naam",
        required=False,
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Uw e-mailadres",
        help_text=(
            "Hierheen sturen we de bevestigingslink en later het besluit van de redactie. "
            "Het adres is nooit openbaar en wordt 30 dagen na het besluit gewist."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Vul uw e-mailadres in.",
            "invalid": "Dit is geen geldig e-mailadres.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, model in TAXONOMIES.items():
            self.fields[name] = forms.ModelMultipleChoiceField(
                label=Partnership._meta.get_field(name).verbose_name,
                queryset=model.objects.order_by("name"),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": "Kies alleen uit de lijst."},
            )
        for name in Partnership.FIXED_SECTIONS:
            self.fields[name] = text(name, textarea=True)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label="Laat dit veld leeg (het houdt spam tegen)",
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )
        self.order_fields(self.field_order_names())

    @staticmethod
    def field_order_names():
        return [
            "name",
            "summary",
            "kind",
            "status",
            "start_year",
            "website",
            "logo",
            "region",
            "city",
            "latitude",
            "longitude",
            *TAXONOMIES,
            "companies_count",
            "students_count",
            "teachers_count",
            "schools_count",
            *Partnership.FIXED_SECTIONS,
            "partners",
            "submitter_name",
            "email",
        ]

    def visitor_fields(self):
        return [field for field in self.visible_fields() if field.name != HONEYPOT_FIELD]

    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def error_links(self):
        """(anchor, label, message) per error, for the summary above the form."""
        return [
            (field.id_for_label or field.auto_id, field.label, error)
            for field in self.visitor_fields()
            for error in field.errors
        ]

    def clean_partners(self):
        names = [line.strip() for line in self.cleaned_data["partners"].split("\n")]
        names = list(dict.fromkeys(name[:160] for name in names if name))
        if len(names) > MAX_PARTNERS:
            raise forms.ValidationError(f"Noem hoogstens {MAX_PARTNERS} partners.")
        return names

    def clean(self):
        data = super().clean()
        lat, lng = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lng is None) and not self.has_error("latitude"):
            self.add_error(
                "longitude" if lng is None else "latitude",
                "Vul de breedtegraad én de lengtegraad in, of laat beide leeg.",
            )
        elif lat is not None and not in_netherlands(lat, lng):
            self.add_error(
                "latitude",
                "Deze coördinaten liggen niet in Nederland. Controleer of breedte- en "
                "lengtegraad niet zijn verwisseld.",
            )
        return data

    def values(self):
        """The cleaned data as proposal values (proposals.public_values's terms)."""
        data = self.cleaned_data
        values = {name: data[name] for name in SCALAR_FIELDS}
        values.update(
            region=data["region"].pk,
            location=(
                [round(data["latitude"], 6), round(data["longitude"], 6)]
                if data.get("latitude") is not None
                else None
            ),
            partners=data["partners"],
        )
        for name in TAXONOMIES:
            values[name] = sorted(item.pk for item in data[name])
        for name in Partnership.FIXED_SECTIONS:
            values[name] = data[name]
        return values


def initial_for(values):
    """The form's initial data for a partnership's public values."""
    initial = {name: value for name, value in values.items() if name != "location"}
    initial["partners"] = "\n".join(values["partners"])
    if values["location"]:
        initial["latitude"], initial["longitude"] = values["location"]
    return initial
