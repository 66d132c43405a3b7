"""The contact form in Debian's Chromium: keyboard order, error summary, thank-you page, axe."""

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect
from wagtail.contrib.forms.models import FormSubmission

from home.factories import ContactPageFactory, HomePageFactory

pytestmark = pytest.mark.e2e


def test_contact_form(page, live_server, live_db, assert_accessible):
    cache.clear()  # no rate-limit counts from earlier tests
    mail.outbox = []
    contact = ContactPageFactory(parent=HomePageFactory())
    page.goto(live_server.url + contact.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Neem contact op met één van onze adviseurs"
    )
    assert_accessible(page, "contact")

    # The keyboard goes through the visitor's fields only, never into the spam trap.
    page.get_by_label("Naam").focus()
    visited = []
    for _ in range(8):
        visited.append(
            page.evaluate(
                "document.activeElement.name || document.activeElement.textContent.trim()"
            )
        )
        if visited[-1] == "Verstuur uw vraag":
            break
        page.keyboard.press("Tab")
    assert visited == ["naam", "e_mailadres", "organisatie", "vraag", "Verstuur uw vraag"]

    # Sending it half filled in: the summary of errors gets focus and links to the fields.
    page.get_by_label("E-mailadres").fill("piet-at-example")
    page.keyboard.press("Enter")
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Naam: Dit is een verplicht veld.")
    expect(summary).to_contain_text("E-mailadres: Voer een geldig e-mailadres in.")
    assert page.title().startswith("Fout: ")
    expect(page.get_by_label("E-mailadres")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("E-mailadres")).to_have_value("piet-at-example")
    assert_accessible(page, "contact-fouten")
    summary.get_by_role("link", name="Naam: Dit is een verplicht veld.").click()
    expect(page.get_by_label("Naam")).to_be_focused()
    assert not FormSubmission.objects.exists()

    page.get_by_label("Naam").fill("Piet de Vries")
    page.get_by_label("E-mailadres").fill("piet@example.nl")
    page.get_by_label("Vraag").fill("Hoe vinden wij bedrijven voor stages in onze regio?")
    page.get_by_role("button", name="Verstuur uw vraag").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw vraag")
    assert_accessible(page, "contact-bedankt")
    submission = FormSubmission.objects.get(page=contact)
    assert submission.form_data["vraag"].startswith("Hoe vinden wij bedrijven")
    assert [message.to for message in mail.outbox] == [["adviseurs@example.nl"]]
    # Without statistics configured there is no banner to show.
    assert page.locator("#cookiemelding").is_hidden()
    assert page.outside_requests == []
