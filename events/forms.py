"""The registration form of a meeting, with a honeypot field for spam bots."""

from django import forms

# The trap field: hidden from people by CSS, filled in by bots. The hyphen keeps it apart
# from any real field name.
HONEYPOT_FIELD = "uw-website"


class RegistrationForm(forms.Form):
    """Name, e-mail, organisation and an optional role; browsers may fill them in."""

    name = forms.CharField(
        label="Naam", max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label="E-mailadres",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label="Organisatie",
        max_length=160,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.CharField(
        label="Functie (niet verplicht)",
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label="Laat dit veld leeg (het houdt spam tegen)",
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    def clean(self):
        cleaned = super().clean()
        for name in ("name", "organisation", "role"):
            # Control characters (a NUL byte cannot reach PostgreSQL) carry no meaning.
            if cleaned.get(name):
                cleaned[name] = "".join(ch for ch in cleaned[name] if ch.isprintable()).strip()
        return cleaned

    def visitor_fields(self):
        return [field for field in self.visible_fields() if field.name != HONEYPOT_FIELD]

    def honeypot(self):
        return self[HONEYPOT_FIELD]
