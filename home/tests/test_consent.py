"""Cookie banner markup, the statement links and the analytics setting (server side).

The banner's behaviour in a browser is in test_consent_browser.py.
"""

import re

import pytest
from wagtail.models import Site

from core.models import SiteSettings
from home.factories import ContactPageFactory, ProgrammePageFactory

ANALYTICS_URL = "https://statistiek.example.test/meet.js"


def site_settings():
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


def banner_html(text):
    [section] = re.findall(r'<section id="cookiemelding".*?</section>', text, re.S)
    return section


def service_list(text):
    return text.split('id="footer-service"')[1].split("</ul>")[0]


@pytest.mark.django_db
def test_banner_is_in_every_page_hidden_until_consent_js_shows_it(client, home_page):
    programme = ProgrammePageFactory(parent=home_page)
    for url in ("/", programme.url, "/zoeken/?q=regio", "/bestaat-niet/"):
        text = client.get(url).text
        banner = banner_html(text)
        opening = banner.split(">")[0]
        assert " hidden" in opening and "data-consent-banner" in opening
        assert 'aria-labelledby="cookiemelding-titel"' in opening
        assert (
            '<button type="button" class="button button--primary" data-consent-choice="granted">Cookies toestaan</button>'
            in banner
        )
        assert 'data-consent-choice="denied">Weigeren</button>' in banner
        # Right after the skip link: met before the page, and never on top of the link.
        assert text.index('class="skip-link"') < text.index('id="cookiemelding"')
        assert text.index('id="cookiemelding"') < text.index('class="site-header"')
        assert '<script src="/static/js/consent.js" defer></script>' in text
        # Without statistics there is nothing to consent to: consent.js keeps it hidden.
        assert "data-analytics-src" not in text


@pytest.mark.django_db
def test_analytics_address_is_only_in_the_data_attribute(client, home_page):
    config = site_settings()
    config.analytics_script_url = ANALYTICS_URL
    config.analytics_measurement_id = "G-TEST123"
    config.save()
    text = client.get("/").text
    opening = banner_html(text).split(">")[0]
    assert f'data-analytics-src="{ANALYTICS_URL}"' in opening
    assert 'data-analytics-id="G-TEST123"' in opening
    assert text.count("statistiek.example.test") == 1  # no <script src>, no preload
    assert text.count("G-TEST123") == 1


@pytest.mark.django_db
def test_statement_is_linked_from_banner_and_footer_while_published(client, home_page):
    statement = ProgrammePageFactory(parent=home_page, title="Cookieverklaring", slug="cookies")
    config = site_settings()
    config.cookie_statement_page = statement
    config.save()
    text = client.get("/").text
    assert '<a href="/cookies/">Lees de cookieverklaring</a>' in banner_html(text)
    footer = service_list(text)
    assert '<a href="/cookies/">Cookieverklaring</a>' in footer
    # The settings button works only with JavaScript, so consent.js reveals it.
    assert re.search(
        r"<li hidden data-consent-settings><button type=\"button\"[^>]*>Cookie-instellingen</button></li>",
        footer,
    )

    statement.unpublish()
    text = client.get("/").text
    assert "/cookies/" not in text


@pytest.mark.django_db
def test_public_pages_set_no_cookies_only_the_contact_form_does(client, home_page):
    programme = ProgrammePageFactory(parent=home_page)
    contact = ContactPageFactory(parent=home_page)
    for url in ("/", programme.url, "/zoeken/?q=regio"):
        response = client.get(url)
        assert not response.cookies, url
    # The form's CSRF protection is the one cookie a visitor gets (see the statement).
    assert set(client.get(contact.url).cookies) == {"csrftoken"}


@pytest.mark.django_db
def test_banner_and_footer_have_no_inline_script_or_style(client, home_page):
    config = site_settings()
    config.analytics_script_url = ANALYTICS_URL
    config.save()
    text = client.get("/").text
    for part in (banner_html(text), service_list(text)):
        assert "<script" not in part
        assert "style=" not in part
    scripts = re.findall(r"<script[^>]*>", text)
    # Only files and JSON data blocks (application/json, application/ld+json).
    assert scripts and all(" src=" in tag or 'json">' in tag for tag in scripts)
