"""The contact page: a form built in the admin with Wagtail's form builder."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from home.blocks import RICH_TEXT_FEATURES

from .mixins import BasePage


class ContactFormField(AbstractFormField):
    """One field of the contact form, as the editor arranged it."""

    page = ParentalKey("home.ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(AbstractEmailForm, BasePage):
    """Contact form (e.g. /contact/) under the home or a programme page.

    Visitors ask one of the programme's advisers a question. Submissions are stored
    (Formulieren in the admin) and e-mailed to the address set on the page; a hidden
    honeypot field and a rate limit keep spam out. After sending, the visitor sees the
    thank-you text on the same URL.
    """

    body = RichTextField(
        "Tekst boven het formulier",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Bijvoorbeeld waarvoor bezoekers contact kunnen opnemen en hoe snel zij antwoord krijgen.",
    )
    thank_you_text = RichTextField(
        "Bedanktekst",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Getoond nadat het formulier is verstuurd.",
    )

    content_panels = BasePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("body"),
        InlinePanel("form_fields", label="Formuliervelden"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="E-mail",
        ),
    ]

    parent_page_types = ["home.HomePage", "home.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = "Contactpagina"
        verbose_name_plural = "Contactpagina's"
