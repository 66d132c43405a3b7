"""The contact page: stored and mailed submissions, Dutch errors, honeypot, rate limit."""

import logging
import re
import smtplib

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.forms.models import FormSubmission
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cases.factories import GoalPageFactory
from cases.models import GoalPage
from home.factories import (
    ContactFormFieldFactory,
    ContactPageFactory,
    ProgrammePageFactory,
)
from home.models import ContactPage, HomePage, ProgrammePage
from home.models.contact import HONEYPOT_FIELD, MAX_MESSAGE_LENGTH

# The page frame every page has (site, page, view restrictions, settings, menu,
# breadcrumbs: 10) + the form's fields in one query.
CONTACT_QUERIES = 11

VALID = {
    "naam": "Piet de Vries",
    "e_mailadres": "piet@example.nl",
    "organisatie": "ROC Voorbeeld",
    "vraag": "Hoe starten wij een samenwerking met bedrijven in onze regio?",
}


class BrokenMailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """Rate-limit counts live in the cache; every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def contact_page(home_page):
    return ContactPageFactory(parent=home_page)


class ContactPageRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        from home.factories import HomePageFactory

        cls.home = HomePageFactory()

    def setUp(self):
        self.login()

    def test_contact_page_sits_under_home_or_programme_pages(self):
        self.assertAllowedParentPageTypes(ContactPage, {HomePage, ProgrammePage})
        self.assertAllowedSubpageTypes(ContactPage, set())
        self.assertCanCreateAt(HomePage, ContactPage)
        self.assertCanCreateAt(ProgrammePage, ContactPage)
        self.assertCanNotCreateAt(GoalPage, ContactPage)
        self.assertCanNotCreateAt(ContactPage, ProgrammePage)

    def test_editor_builds_a_contact_form_in_the_admin(self):
        self.assertCanCreate(
            self.home,
            ContactPage,
            nested_form_data(
                {
                    "title": "Contact",
                    "slug": "contact",
                    "body": rich_text("<p>Stel uw vraag.</p>"),
                    "thank_you_text": rich_text("<p>Bedankt!</p>"),
                    "to_address": "adviseurs@example.nl",
                    "from_address": "website@example.nl",
                    "subject": "",
                    "form_fields": inline_formset(
                        [
                            {"label": "Naam", "field_type": "singleline", "required": "on"},
                            {"label": "E-mailadres", "field_type": "email", "required": "on"},
                        ]
                    ),
                }
            ),
        )
        page = ContactPage.objects.get(slug="contact")
        assert [field.clean_name for field in page.form_fields.all()] == ["naam", "e_mailadres"]


@pytest.mark.django_db
def test_form_page_renders_fields_and_a_hidden_honeypot(client, contact_page):
    response = client.get(contact_page.url)
    assert response.status_code == 200
    text = response.text
    assert "<h1>Neem contact op met één van onze adviseurs</h1>" in text
    for name in VALID:
        assert f'name="{name}"' in text
    assert 'autocomplete="email"' in text and 'autocomplete="name"' in text
    assert "(niet verplicht)" in text  # organisatie
    # The trap: hidden from screen readers, out of the tab order, never autofilled.
    trap = text.split('<div class="form-trap" aria-hidden="true">')[1].split("</div>")[0]
    assert "Laat dit veld leeg" in trap
    assert f'name="{HONEYPOT_FIELD}"' in trap
    assert 'tabindex="-1"' in trap and 'autocomplete="off"' in trap
    # The form carries a per-visitor CSRF token: a shared cache must never keep it.
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_valid_question_is_stored_and_mailed(client, contact_page):
    response = client.post(contact_page.url, VALID)
    assert response.status_code == 200
    assert "Bedankt voor uw vraag" in response.text
    assert "binnen drie werkdagen" in response.text  # the page's thank-you text
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.form_data == VALID  # no honeypot in the stored answers
    [message] = mail.outbox
    assert message.to == ["adviseurs@example.nl"]
    assert message.from_email == "website@example.nl"
    assert message.subject == "Nieuwe vraag via de website"
    assert message.reply_to == ["piet@example.nl"]
    assert "Vraag: Hoe starten wij een samenwerking" in message.body
    assert "Organisatie: ROC Voorbeeld" in message.body
    assert "Laat dit veld leeg" not in message.body


@pytest.mark.django_db
def test_mail_subject_falls_back_to_dutch(client, home_page):
    page = ContactPageFactory(parent=home_page, subject="", title="Contact")
    client.post(page.url, VALID)
    assert mail.outbox[0].subject == "Nieuwe vraag via het contactformulier: Contact"


@pytest.mark.django_db
def test_several_recipients(client, home_page):
    page = ContactPageFactory(parent=home_page, to_address="a@example.nl, b@example.nl")
    client.post(page.url, VALID)
    assert mail.outbox[0].to == ["a@example.nl", "b@example.nl"]


@pytest.mark.django_db
def test_no_to_address_stores_without_mail(client, home_page):
    page = ContactPageFactory(parent=home_page, to_address="")
    response = client.post(page.url, VALID)
    assert "Bedankt voor uw vraag" in response.text
    assert FormSubmission.objects.filter(page=page).count() == 1
    assert mail.outbox == []


@pytest.mark.django_db
def test_failing_mail_keeps_the_submission_and_thanks_the_visitor(
    client, contact_page, settings, caplog
):
    """Decision: the stored submission is the record; the e-mail is only a notice."""
    settings.EMAIL_BACKEND = "home.tests.test_contact.BrokenMailBackend"
    with caplog.at_level(logging.ERROR, logger="home.models.contact"):
        response = client.post(contact_page.url, VALID)
    assert response.status_code == 200
    assert "Bedankt voor uw vraag" in response.text
    assert FormSubmission.objects.get(page=contact_page).form_data["naam"] == "Piet de Vries"
    [record] = caplog.records
    assert "e-mail to adviseurs@example.nl failed" in record.getMessage()
    assert record.exc_info is not None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"naam": ""}, "naam", "Dit is een verplicht veld."),
        ({"vraag": "   "}, "vraag", "Dit is een verplicht veld."),
        ({"e_mailadres": "piet-at-example"}, "e_mailadres", "Voer een geldig e-mailadres in."),
        ({"naam": "x" * 256}, "naam", "niet meer dan 255 tekens bevat"),
        ({"vraag": "x" * (MAX_MESSAGE_LENGTH + 1)}, "vraag", "niet meer dan 5000 tekens bevat"),
        ({"naam": "Piet\x00"}, "naam", "Null-tekens zijn niet toegestaan."),
    ],
)
@pytest.mark.django_db
def test_invalid_input_gets_dutch_errors_and_stores_nothing(
    client, contact_page, changes, field, message
):
    response = client.post(contact_page.url, {**VALID, **changes})
    assert response.status_code == 200
    text = response.text
    assert "<title>Fout: " in text
    assert "Uw bericht is nog niet verstuurd" in text
    # The summary links to the field; the field says it is invalid and why.
    assert f'<a href="#id_{field}">' in text
    assert message in text.split('class="error-summary"')[1].split("</div>")[0]
    assert f'id="id_{field}_error"' in text
    [field_html] = re.findall(rf'<(?:input|textarea)[^>]* name="{field}"[^>]*>', text)
    assert 'aria-invalid="true"' in field_html
    assert f"id_{field}_error" in field_html  # aria-describedby
    assert "ROC Voorbeeld" in text  # what the visitor typed stays
    assert not FormSubmission.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_missing_fields_entirely(client, contact_page):
    response = client.post(contact_page.url, {})
    assert response.text.count("Dit is een verplicht veld.") == 2 * 3  # summary + field, x3
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_filled_honeypot_looks_like_success_but_keeps_nothing(client, contact_page):
    genuine = client.post(contact_page.url, VALID)
    FormSubmission.objects.all().delete()
    mail.outbox.clear()
    cache.clear()
    spam = client.post(contact_page.url, {**VALID, HONEYPOT_FIELD: "https://spam.example"})
    assert spam.status_code == genuine.status_code == 200
    assert spam.text == genuine.text
    assert not FormSubmission.objects.exists()
    assert mail.outbox == []
    # A bot that fills everything in, even badly, still learns nothing.
    junk = client.post(contact_page.url, {HONEYPOT_FIELD: "x", "e_mailadres": "nope"})
    assert junk.text == genuine.text
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_rate_limit_counts_posts_only_and_answers_in_dutch(client, contact_page, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "contact": (2, 3600)}
    for _ in range(5):
        assert client.get(contact_page.url).status_code == 200
    assert client.post(contact_page.url, {"naam": ""}).status_code == 200  # invalid counts too
    assert client.post(contact_page.url, VALID).status_code == 200
    response = client.post(contact_page.url, VALID)
    assert response.status_code == 429
    seconds = int(response["Retry-After"])  # the rest of the hour that the first POST began
    assert 3500 < seconds <= 3600
    assert "Even geduld" in response.text and f"{-(-seconds // 60)} minuten" in response.text
    assert "no-store" in response["Cache-Control"]
    assert FormSubmission.objects.count() == 1
    assert len(mail.outbox) == 1
    assert client.get(contact_page.url).status_code == 200  # reading still works
    # Another address has its own count.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.post(contact_page.url, VALID).status_code == 200


@pytest.mark.django_db
def test_post_without_csrf_token_is_refused_in_dutch(contact_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post(contact_page.url, VALID)
    assert response.status_code == 403
    assert "CSRF-verificatie mislukt" in response.text
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_every_field_type_renders_and_submits(client, home_page):
    kinds = [
        "singleline",
        "multiline",
        "email",
        "number",
        "url",
        "checkbox",
        "checkboxes",
        "dropdown",
        "multiselect",
        "radio",
        "date",
        "datetime",
        "hidden",
    ]
    page = ContactPageFactory(
        parent=home_page, form_fields=[(f"Veld {kind}", kind, False) for kind in kinds]
    )
    response = client.get(page.url)
    assert response.status_code == 200
    # Every label but the hidden field's, and the note above the form.
    assert response.text.count("(niet verplicht)") == len(kinds)
    assert "<legend" in response.text  # radio and checkbox groups
    response = client.post(page.url, {"veld_email": "geen adres", "veld_radio": "Misschien"})
    assert response.text.count('aria-invalid="true"') >= 2
    assert 'href="#id_veld_radio"' in response.text
    assert client.post(page.url, {"veld_radio": "Ja", "veld_number": "3"}).status_code == 200
    assert FormSubmission.objects.get(page=page).form_data["veld_radio"] == "Ja"


@pytest.mark.django_db
def test_contact_page_queries_pinned_and_flat(client, home_page):
    few = ContactPageFactory(parent=home_page)
    many = ContactPageFactory(
        parent=home_page, form_fields=[(f"Vraag {n}", "singleline", n % 2 == 0) for n in range(30)]
    )
    client.get(few.url)  # warm Wagtail's per-process caches (site root paths)
    counts = []
    for page in (few, many):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.url)
        assert response.status_code == 200
        counts.append(len(captured))
    assert counts == [CONTACT_QUERIES, CONTACT_QUERIES]


@pytest.mark.django_db
def test_contact_page_under_a_programme_page(client, home_page):
    parent = ProgrammePageFactory(parent=home_page, title="Over ons")
    page = ContactPageFactory(parent=parent)
    GoalPageFactory(parent=parent)
    response = client.get(parent.url)
    assert page.title in response.text  # listed as a card of the section
    assert client.post(page.url, VALID).status_code == 200


@pytest.mark.django_db
def test_demo_contact_page_and_cookie_statement(client, demo_site):
    from core.models import SiteSettings

    page = ContactPage.objects.get()
    assert page.title == "Neem contact op met één van onze adviseurs"
    fields = [(f.label, f.field_type, f.required) for f in page.form_fields.all()]
    assert fields == [
        ("Naam", "singleline", True),
        ("E-mailadres", "email", True),
        ("Organisatie", "singleline", False),
        ("Vraag", "multiline", True),
    ]
    response = client.post(page.url, VALID)
    assert "Bedankt voor uw vraag" in response.text
    assert mail.outbox[0].to == [page.to_address]
    statement = SiteSettings.objects.get().cookie_statement_page
    assert statement.url == "/cookieverklaring/"
    text = client.get(statement.url).text
    for cookie in ("csrftoken", "sessionid", "pps-cookie-consent", "_ga"):
        assert cookie in text
    assert f'href="{page.url}"' in text  # questions go to the contact form


@pytest.mark.django_db
def test_contact_thank_you_and_banner_pages_are_valid_html(client, home_page, assert_valid_html):
    from wagtail.models import Site

    from core.models import SiteSettings

    statement = ProgrammePageFactory(parent=home_page, title="Cookieverklaring")
    config = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    config.cookie_statement_page = statement
    config.analytics_script_url = "https://statistiek.example.test/meet.js?id=G-1&x=1"
    config.analytics_measurement_id = "G-1"
    config.save()
    page = ContactPageFactory(parent=home_page)
    kinds = ["singleline", "multiline", "email", "number", "url", "checkbox", "checkboxes"]
    kinds += ["dropdown", "multiselect", "radio", "date", "datetime", "hidden"]
    every = ContactPageFactory(
        parent=home_page,
        form_fields=[(f"Veld {kind}", kind, True) for kind in kinds],
    )
    ContactFormFieldFactory(page=every, label="Met uitleg", help_text="Een <b>hulp</b>tekst")
    documents = {
        "contact": client.get(page.url).text,
        "contact-fouten": client.post(page.url, {"e_mailadres": "x"}).text,
        "contact-alle-velden": client.get(every.url).text,
        "contact-alle-velden-fouten": client.post(every.url, {}).text,
        "bedankt": client.post(page.url, VALID).text,
        "cookieverklaring-met-melding": client.get(statement.url).text,
    }
    assert "Verbeter de volgende" in documents["contact-alle-velden-fouten"]
    assert "Veld hidden: Dit is een verplicht veld." in documents["contact-alle-velden-fouten"]
    assert "data-analytics-src" in documents["cookieverklaring-met-melding"]
    assert_valid_html(documents)
