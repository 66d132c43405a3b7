"""factory_boy factories of the top layer's pages: home, programme and contact (used by the
tests, the demo and the load data)."""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Site

from core.factories import PageFactory
from home.models import ContactFormField, ContactPage, HomePage, ProgrammePage


class HomePageFactory(PageFactory):
    """A home page that is also the root of the default site.

    The default site gets hostname localhost and port 80 (Wagtail's own), or what
    ``default_site__hostname=...``, ``default_site__port=...``, ``default_site__site_name=...``
    give; it is made if there is none.
    """

    class Meta:
        model = HomePage
        skip_postgeneration_save = True

    title = "Samen opleiden voor de regio"
    slug = factory.Sequence(lambda n: f"home-{n}")
    intro = "Scholen en bedrijven werken samen in de regio."

    @factory.post_generation
    def default_site(page, create, extracted, **site_fields):
        if create:
            Site.objects.update_or_create(
                is_default_site=True,
                defaults={"hostname": "localhost", "port": 80, **site_fields, "root_page": page},
            )


class ProgrammePageFactory(PageFactory):
    class Meta:
        model = ProgrammePage

    title = factory.Sequence(lambda n: f"Programmaonderdeel {n}")
    intro = "Over de samenwerking tussen onderwijs en bedrijfsleven."
    show_in_menus = True


# A contact form's usual fields: (label, field type, required).
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
    """A contact page with four fields; ``form_fields=[(label, type, required)]`` gives other
    fields (``(label, type, required, help text)`` with a help text), ``form_fields=[]`` none."""

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
        for index, (label, field_type, required, *help_text) in enumerate(fields):
            ContactFormFieldFactory(
                page=page,
                sort_order=index,
                label=label,
                field_type=field_type,
                required=required,
                help_text="".join(help_text),
                choices="Ja, Nee" if field_type in CHOICE_FIELD_TYPES else "",
            )
