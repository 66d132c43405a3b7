"""The contact page: a form built in the admin with Wagtail's form builder."""

import logging

from django import forms
from django.db import models
from django.utils.cache import add_never_cache_headers
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage
from core.ratelimit import over_limit, too_many_requests

logger = logging.getLogger(__name__)

RATE_LIMIT_SCOPE = "contact"
# The trap field for spam bots. The hyphen keeps it apart from the editor's fields:
# Wagtail names those in snake_case, so no label can ever produce this name.
HONEYPOT_FIELD = "uw-website"
# Multi-line answers are stored and mailed; a question needs no more than this.
MAX_MESSAGE_LENGTH = 5000
# Browsers fill in known fields for the visitor (WCAG 1.3.5, input purpose).
AUTOCOMPLETE = {
    "naam": "name",
    "voornaam": "given-name",
    "achternaam": "family-name",
    "organisatie": "organization",
    "telefoon": "tel",
    "telefoonnummer": "tel",
}


class ContactForm(BaseForm):
    """The visitor's form: the editor's fields plus the hidden honeypot."""

    def visitor_fields(self):
        """The fields a person fills in, in the editor's order (not the honeypot)."""
        return [field for field in self.visible_fields() if field.name != HONEYPOT_FIELD]

    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def error_links(self):
        """(anchor, label, message) per error, for the summary above the form.

        A hidden field (an editor's choice) has nothing to link to: its anchor is "".
        """
        return [
            ("" if field.is_hidden else field.id_for_label or field.auto_id, field.label, error)
            for field in self
            if field.name != HONEYPOT_FIELD
            for error in field.errors
        ]


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder with length limits, autocomplete hints and the honeypot."""

    def create_multiline_field(self, field, options):
        options["max_length"] = MAX_MESSAGE_LENGTH
        return super().create_multiline_field(field, options)

    @property
    def formfields(self):
        fields = super().formfields
        for name, field in fields.items():
            if isinstance(field, forms.EmailField):
                field.widget.attrs["autocomplete"] = "email"
            elif name in AUTOCOMPLETE:
                field.widget.attrs["autocomplete"] = AUTOCOMPLETE[name]
        fields[HONEYPOT_FIELD] = forms.CharField(
            label="Laat dit veld leeg (het houdt spam tegen)",
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )
        return fields

    def get_form_class(self):
        return type("ContactPageForm", (ContactForm,), self.formfields)


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

    form_builder = ContactFormBuilder

    class Meta:
        verbose_name = "Contactpagina"
        verbose_name_plural = "Contactpagina's"

    def get_submissions_list_view_class(self):
        """The submissions list (Formulieren) whose CSV and XLSX exports carry no formulas."""
        from home.admin_views import ContactSubmissionsListView

        return ContactSubmissionsListView

    def serve(self, request, *args, **kwargs):
        """Rate limit and honeypot first; then Wagtail's form handling.

        Every POST counts against the limit, valid or not. A filled honeypot gets the
        thank-you page, so a bot learns nothing, but nothing is stored or sent.
        """
        if request.method == "POST" and over_limit(request, RATE_LIMIT_SCOPE):
            response = too_many_requests(request, RATE_LIMIT_SCOPE)
        elif request.method == "POST" and request.POST.get(HONEYPOT_FIELD, "").strip():
            response = self.render_landing_page(request)
        else:
            response = super().serve(request, *args, **kwargs)
        # The form carries the visitor's own CSRF token: never from a shared cache.
        add_never_cache_headers(response)
        return response

    def process_form_submission(self, form):
        """Store the answers without the honeypot, then e-mail them (see send_mail)."""
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        return super().process_form_submission(form)

    def get_email_subject(self):
        return self.subject or f"Nieuwe vraag via het contactformulier: {self.title}"

    def render_email(self, form):
        return (
            f"Er is een nieuwe vraag gesteld via {self.full_url or self.title}\n\n"
            f"{super().render_email(form)}\n\n"
            "Alle inzendingen staan in het beheer onder Formulieren."
        )

    def send_mail(self, form):
        """Mail the submission to the advisers; a failure is logged, never shown.

        The submission is already stored when this runs, so the question is not lost:
        the visitor sees the thank-you page and the editors find it under Formulieren.
        Any error of the mail backend (SMTP down, refused address) is logged with the
        submission's page for the operators instead of becoming a 500.
        """
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        reply_to = [
            form.cleaned_data[name]
            for name, field in form.fields.items()
            if isinstance(field, forms.EmailField) and form.cleaned_data.get(name)
        ][:1]
        try:
            send_mail(
                self.get_email_subject(),
                self.render_email(form),
                addresses,
                self.from_address,
                reply_to=reply_to or None,
            )
        except Exception:
            logger.exception(
                "Contact form on page %s: e-mail to %s failed; the submission is stored.",
                self.pk,
                self.to_address,
            )
