"""The Wagtail admin of the site core: Dutch interface, contact persons, site settings."""

import pytest
from django.urls import reverse

from core.models import Person


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "redacteur", "r@example.nl", "geheim-wachtwoord"
    )
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_admin_speaks_dutch(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "Inloggen" in response.text
    assert "Gebruikersnaam" in response.text


@pytest.mark.django_db
def test_editor_adds_a_contact_person(editor_client):
    url = reverse("wagtailsnippets_core_person:add")
    response = editor_client.post(
        url,
        {
            "name": "Ilse Bakker",
            "role": "Regiocoördinator",
            "organisation": "ROC Voorbeeld",
            "email": "ilse@example.nl",
            "phone": "",
        },
    )
    assert response.status_code == 302
    assert Person.objects.get(name="Ilse Bakker").organisation == "ROC Voorbeeld"
    listing = editor_client.get(reverse("wagtailsnippets_core_person:list"))
    assert "Ilse Bakker" in listing.text


@pytest.mark.django_db
def test_bad_contact_person_is_refused(editor_client):
    response = editor_client.post(
        reverse("wagtailsnippets_core_person:add"), {"name": "", "email": "geen-adres"}
    )
    assert response.status_code == 200
    assert not Person.objects.exists()
    assert "Dit is een verplicht veld." in response.text
    assert "Voer een geldig e-mailadres in." in response.text


@pytest.mark.django_db
def test_site_settings_edit(editor_client, home_page):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk])
    response = editor_client.post(
        url,
        {
            "organisation_name": "Programma Test",
            "tagline": "",
            "footer_text": "Voettekst",
            "contact_email": "info@example.nl",
            "linkedin_url": "",
            "x_url": "",
        },
    )
    assert response.status_code == 302
    assert "Programma Test" in editor_client.get("/").text
