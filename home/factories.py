"""factory_boy factories of the top layer's pages: home, programme and contact."""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Site

from core.factories import PageFactory
from home.models import ContactFormField, ContactPage, HomePage, ProgrammePage


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Samen opleiden voor de regio"
    slug = factory.Sequence(lambda n: f"home-{n}")
    intro = "Scholen en bedrijven werken samen in de regio."

    @classmethod
    def _create(cls, model_class, parent=None, **kwargs):
        """Also make the new home page the root of the default site."""
        page = super()._create(model_class, parent=parent, **kwargs)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": page},
        )
        return page


class ProgrammePageFactory(PageFactory):
    class Meta:
        model = ProgrammePage

    title = factory.Sequence(lambda n: f"Programmaonderdeel {n}")
    intro = "Over de samenwerking tussen onderwijs en bedrijfsleven."
    show_in_menus = True


# The demo's contact form: (label, field type, required).
CONTACT_FORM_FIELDS = [
    ("Naam", "singleline", True),
    ("E-mailadres", "email", True),
    ("Organisatie", "singleline", False),
    ("Vraag", "multiline", True),
]
# Field types that need choices; the factory gives them two.
CHOICE_FIELD_TYPES = {"dropdown", "multiselect", "radio", "checkboxes"}


class ContactFormFieldFactory(DjangoModelFactory):
    """One field of a contact form; pass ``page``."""

    class Meta:
        model = ContactFormField

    label = factory.Sequence(lambda n: f"Veld {n}")
    field_type = "singleline"
    required = True
    sort_order = factory.Sequence(lambda n: n)


class ContactPageFactory(PageFactory):
    """A contact page with the demo's four fields; ``form_fields=[(label, type, required)]``
    gives other fields, ``form_fields=[]`` none."""

    class Meta:
        model = ContactPage
        skip_postgeneration_save = True

    title = "Neem contact op met één van onze adviseurs"
    slug = factory.Sequence(lambda n: f"contact-{n}")
    intro = "Stel uw vraag; een adviseur neemt contact met u op."
    thank_you_text = "<p>Bedankt, we nemen binnen drie werkdagen contact met u op.</p>"
    to_address = "adviseurs@example.nl"
    from_address = "website@example.nl"
    subject = "Nieuwe vraag via de website"

    @factory.post_generation
    def form_fields(page, create, extracted, **kwargs):
        if not create:
            return
        fields = CONTACT_FORM_FIELDS if extracted is None else extracted
        for index, (label, field_type, required) in enumerate(fields):
            ContactFormFieldFactory(
                page=page,
                sort_order=index,
                label=label,
                field_type=field_type,
                required=required,
                choices="Ja, Nee" if field_type in CHOICE_FIELD_TYPES else "",
            )
