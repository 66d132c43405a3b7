"""Management commands of the site core, settings guards, robots and sitemap."""

import os
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from core.models import Person
from home.models import HomePage

ROOT = Path(__file__).resolve().parents[2]


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        Person.objects.count(),
        get_image_model().objects.count(),
        Site.objects.count(),
    )


@pytest.mark.django_db
def test_load_demo_content_is_idempotent():
    call_command("load_demo_content", stdout=StringIO())
    first = snapshot()
    call_command("load_demo_content", stdout=StringIO())
    assert snapshot() == first
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert home.get_children().live().count() >= 2
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()


@pytest.mark.django_db
def test_ensure_local_admin_prints_password_once():
    out = StringIO()
    call_command("ensure_local_admin", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)
    again = StringIO()
    call_command("ensure_local_admin", stdout=again)
    assert "already exists" in again.getvalue()
    user.refresh_from_db()
    assert user.check_password(password)


@pytest.mark.django_db
def test_ensure_local_admin_rejects_empty_username():
    with pytest.raises(CommandError):
        call_command("ensure_local_admin", "--username", "  ", stdout=StringIO())
    assert not get_user_model().objects.exists()


def test_production_refuses_to_start_without_secret_key():
    environ = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "Set the environment variable SECRET_KEY" in result.stderr


def test_production_settings_are_safe():
    environ = dict(
        os.environ,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="www.example.nl",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.DEBUG, s.LANGUAGE_CODE, s.TIME_ZONE, s.STORAGES['staticfiles']['BACKEND'])",
        ],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "nl",
        "Europe/Amsterdam",
        "cms.storage.StaticFilesStorage",  # WhiteNoise's, see cms/storage.py
    ]


@pytest.mark.django_db
def test_robots_and_sitemap(client, demo_site):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert "Disallow: /admin/" in robots.text
    assert "Sitemap: http://testserver/sitemap.xml" in robots.text
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert b"http://testserver/sitemap-paginas.xml" in index.content
    assert b"http://testserver/sitemap-samenwerkingen.xml" in index.content
    pages = client.get("/sitemap-paginas.xml")
    assert pages.status_code == 200
    assert b"/regionale-samenwerkingen/" in pages.content
