"""Security: deploy checks, response headers, CSP per area, login lockout, search limit, images."""

import io
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from core.models import SiteSettings
from core.security import directives_for, origin_of

ROOT = django_settings.BASE_DIR


def parse_csp(header):
    """``{"directive": ["source", …]}`` from a Content-Security-Policy header."""
    policy = {}
    for part in header.split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


# --- production settings: manage.py check --deploy in a subprocess ----------------------


def run_production(*args, **extra_env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in (
            "DJANGO_SETTINGS_MODULE",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "SECURE_SSL_REDIRECT",
            "SECURE_HSTS_PRELOAD",
            "SECURE_HSTS_SECONDS",
            # Set by the browser-test fixture in this process; never in a deployment.
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        )
    }
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "www.example.nl",
        }
    )
    environment.update(extra_env)
    environment = {key: value for key, value in environment.items() if value is not None}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = run_production("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stderr and "ERRORS" not in result.stderr


def test_switching_the_https_redirect_off_is_reported_by_the_deploy_check():
    # The local `make serve-prod` switch; the check proves the variable is read.
    result = run_production("check", "--deploy", SECURE_SSL_REDIRECT="false")
    assert "security.W008" in result.stderr


def test_production_settings_values():
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE, "
        "s.ALLOWED_HOSTS)"
    )
    result = run_production("shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "31536000",
        "True",
        "True",
        "True",
        "True",
        "['www.example.nl']",
    ]


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_required_variables(missing):
    result = run_production("check", **{missing: None})
    assert result.returncode != 0
    assert f"Set the environment variable {missing}" in result.stderr


def import_production_settings(secret_key):
    """Import cms.settings.production in a fresh interpreter with this SECRET_KEY."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS")
    }
    environment.update(SECRET_KEY=secret_key, ALLOWED_HOSTS="www.example.nl")
    return subprocess.run(
        [sys.executable, "-c", "import cms.settings.production"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def env_example_secret_key():
    lines = (ROOT / ".env.example").read_text().splitlines()
    [value] = [line.split("=", 1)[1] for line in lines if line.startswith("SECRET_KEY=")]
    return value


@pytest.mark.parametrize(
    "secret_key",
    [
        env_example_secret_key(),  # change-me
        "change-me-" * 6,  # long enough, still the placeholder
        "django-insecure-" + secrets.token_urlsafe(50),  # Django's startproject key
        "dev-only-insecure-key-never-use-in-production",  # cms/settings/dev.py's
        secrets.token_urlsafe(30),  # random but 40 characters
        "abcd" * 20,  # 80 characters, 4 different ones
    ],
    # Fixed names: pytest-xdist's workers must collect the same test ids.
    ids=[
        "env-example",
        "repeated-placeholder",
        "django-insecure",
        "dev-key",
        "short",
        "few-unique",
    ],
)
def test_production_refuses_a_placeholder_or_weak_secret_key(secret_key):
    result = import_production_settings(secret_key)
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is a placeholder or too weak: set it to a random " in (
        result.stderr
    )
    assert "secrets.token_urlsafe(50)" in result.stderr
    assert secret_key not in result.stderr  # never echoed into a log


def test_production_accepts_a_generated_secret_key():
    """Positive control: the key the error message tells the operator to generate."""
    result = import_production_settings(secrets.token_urlsafe(50))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("SECURE_SSL_REDIRECT", "ja", "SECURE_SSL_REDIRECT to true or false, not 'ja'"),
        ("SECURE_HSTS_PRELOAD", "1", "SECURE_HSTS_PRELOAD to true or false, not '1'"),
        ("SECURE_HSTS_SECONDS", "een jaar", "SECURE_HSTS_SECONDS to a whole number"),
        ("SECURE_HSTS_SECONDS", "-5", "SECURE_HSTS_SECONDS to a whole number"),
        ("SECURE_HSTS_SECONDS", "0", "SECURE_HSTS_SECONDS to a whole number"),
    ],
)
def test_production_refuses_unclear_security_switches(variable, value, message):
    result = run_production("check", **{variable: value})
    assert result.returncode != 0
    assert message in result.stderr


# --- response headers ---------------------------------------------------------------------


@pytest.mark.django_db
def test_public_page_headers(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    features = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
    for feature in ("geolocation", "camera", "microphone", "payment", "usb"):
        assert features[feature] == "()"


@pytest.mark.django_db
def test_public_csp_is_strict(client, home_page):
    policy = parse_csp(client.get("/")["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert policy["connect-src"] == ["'self'"]
    assert "'unsafe-inline'" not in str(policy) and "'unsafe-eval'" not in str(policy)
    # Video embeds are iframes of the video hosts only.
    assert "https://www.youtube-nocookie.com" in policy["frame-src"]
    assert "'self'" not in policy["frame-src"]


@pytest.mark.django_db
def test_csp_follows_the_configured_tile_host(client, home_page, settings):
    settings.MAP_TILE_URL = "https://{s}.tegels.example.nl:8443/{z}/{x}/{y}.png"
    policy = parse_csp(client.get("/")["Content-Security-Policy"])
    assert "https://*.tegels.example.nl:8443" in policy["img-src"]
    assert "https://tile.openstreetmap.org" not in policy["img-src"]


@pytest.mark.django_db
def test_analytics_origin_is_allowed_only_once_an_editor_sets_it(client, home_page):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    policy = parse_csp(client.get("/")["Content-Security-Policy"])
    assert "https://statistiek.example.nl" not in str(policy)

    site_settings.analytics_script_url = "https://statistiek.example.nl/js/meet.js"
    site_settings.save()
    policy = parse_csp(client.get("/")["Content-Security-Policy"])
    for directive in ("script-src", "connect-src", "img-src"):
        assert policy[directive][0] == "'self'"
        assert "https://statistiek.example.nl" in policy[directive]
    assert "https://statistiek.example.nl" not in policy["default-src"]
    assert policy["style-src"] == ["'self'"]

    # The admin never loads analytics.
    admin_policy = parse_csp(client.get(reverse("wagtailadmin_login"))["Content-Security-Policy"])
    assert "https://statistiek.example.nl" not in str(admin_policy)


@pytest.mark.django_db
def test_google_analytics_4_may_report_to_its_own_hosts(client, home_page):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.analytics_measurement_id = "G-TEST123"
    site_settings.analytics_script_url = "https://www.googletagmanager.com/gtag/js?id=G-TEST123"
    site_settings.save()
    policy = parse_csp(client.get("/")["Content-Security-Policy"])
    assert "https://www.googletagmanager.com" in policy["script-src"]
    assert "https://*.google-analytics.com" in policy["connect-src"]
    assert "https://*.analytics.google.com" in policy["connect-src"]
    assert "https://*.google-analytics.com" in policy["img-src"]
    assert "https://*.google-analytics.com" not in policy["script-src"]
    assert policy["default-src"] == ["'self'"]


@pytest.mark.django_db
def test_non_html_responses_skip_the_site_settings_lookup(django_assert_num_queries):
    request = RequestFactory().get("/netwerkkaart/kaart.geojson")
    with django_assert_num_queries(0):
        directives = directives_for(request, HttpResponse(content_type="application/geo+json"))
    assert directives["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_preview_gets_the_public_policy_framed_by_the_admin(django_assert_num_queries):
    # Wagtail runs a preview through the middleware with a request for the page's URL.
    request = RequestFactory().get("/nieuws/bericht/")
    request.is_preview = True
    with django_assert_num_queries(0):  # no statistics in a preview
        directives = directives_for(request, HttpResponse())
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]


@pytest.mark.django_db
def test_admin_gets_its_own_looser_policy(client):
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
    policy = parse_csp(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]  # the preview panel frames the admin
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert "https://tile.openstreetmap.org" in policy["img-src"]  # the location widget
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_error_pages_carry_the_policy(client, home_page):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert parse_csp(response["Content-Security-Policy"])["script-src"] == ["'self'"]


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("https://{s}.tile.example.nl/{z}/{x}/{y}.png", "https://*.tile.example.nl"),
        ("http://[::1]:8080/t/{z}.png", "http://[::1]:8080"),
        ("", ""),
        (None, ""),
        ("javascript:alert(1)", ""),
        ("data:image/png;base64,AAAA", ""),
        ("/relatief/{z}.png", ""),
        ("https://host.example.nl:99999/", ""),
        ("geen adres", ""),
    ],
)
def test_origin_of(url, origin):
    assert origin_of(url) == origin


# --- admin login lockout (django-axes) ----------------------------------------------------

PASSWORD = "juist-wachtwoord-123"


@pytest.fixture
def axes_on(settings, db, django_user_model):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    django_user_model.objects.create_superuser("redacteur", "r@example.nl", PASSWORD)


def log_in(client, password, username="redacteur", **headers):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        headers=headers,
    )


def logged_in(client):
    return "_auth_user_id" in client.session


def test_sixth_attempt_is_refused_even_with_the_right_password(client, axes_on):
    for attempt in range(4):
        response = log_in(client, f"fout-{attempt}")
        assert response.status_code == 200  # Wagtail's own form error
    response = log_in(client, "fout-5")
    assert response.status_code == 429
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)
    html = response.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in html
    assert "15 minuten" in html
    assert response["Retry-After"] == "900"


def test_lockout_and_429_pages_are_valid_html(client, axes_on, home_page, assert_valid_html):
    cache.clear()
    for attempt in range(5):
        locked = log_in(client, f"fout-{attempt}")
    assert locked.status_code == 429
    documents = {"lockout": locked.text}
    limited = {"search": (0, 60), "contact": (0, 3600)}
    with override_settings(RATE_LIMITS=limited):
        too_many = client.get("/zoeken/", {"q": "x"})
    assert too_many.status_code == 429
    documents["te-veel"] = too_many.text
    cache.clear()
    assert_valid_html(documents)


def test_lockout_is_per_user_name_and_address(client, axes_on, django_user_model):
    django_user_model.objects.create_superuser("collega", "c@example.nl", PASSWORD)
    for attempt in range(5):
        log_in(client, f"fout-{attempt}")
    assert log_in(client, PASSWORD).status_code == 429
    # Another editor at the same address, and the same editor elsewhere, still get in.
    assert log_in(client, PASSWORD, username="collega").status_code == 302
    client.logout()
    other = client.__class__(REMOTE_ADDR="192.0.2.44")
    assert log_in(other, PASSWORD).status_code == 302
    assert logged_in(other)


def test_a_success_before_the_limit_resets_the_count(client, axes_on):
    for attempt in range(4):
        log_in(client, f"fout-{attempt}")
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    for attempt in range(4):
        assert log_in(client, f"weer-fout-{attempt}").status_code == 200
    assert log_in(client, PASSWORD).status_code == 302


def test_forwarded_for_is_ignored_unless_trusted(client, axes_on, settings):
    # Untrusted: a made-up X-Forwarded-For does not dodge the lockout.
    settings.RATE_LIMIT_TRUST_FORWARDED_FOR = False
    for attempt in range(5):
        log_in(client, f"fout-{attempt}", x_forwarded_for=f"198.51.100.{attempt}")
    assert log_in(client, PASSWORD, x_forwarded_for="198.51.100.99").status_code == 429


def test_trusted_proxy_address_is_the_client_address(client, axes_on, settings):
    settings.RATE_LIMIT_TRUST_FORWARDED_FOR = True
    for attempt in range(5):
        log_in(client, f"fout-{attempt}", x_forwarded_for="203.0.113.5, 198.51.100.7")
    assert log_in(client, PASSWORD, x_forwarded_for="198.51.100.7").status_code == 429
    # Behind the load balancer every visitor shares REMOTE_ADDR; another one still gets in.
    assert log_in(client, PASSWORD, x_forwarded_for="198.51.100.8").status_code == 302


# --- site search rate limit ---------------------------------------------------------------


@pytest.fixture
def search_limit(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": (3, 60)}
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_search_over_the_limit_gets_the_dutch_429_page(client, home_page, search_limit):
    for _ in range(3):
        assert client.get("/zoeken/", {"q": "samenwerking"}).status_code == 200
    response = client.get("/zoeken/", {"q": "samenwerking"})
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60  # the rest of the window
    html = response.content.decode()
    assert "Even geduld" in html and "1 minuut" in html
    assert parse_csp(response["Content-Security-Policy"])["script-src"] == ["'self'"]
    # Another visitor is not affected.
    assert client.get("/zoeken/", {"q": "x"}, REMOTE_ADDR="192.0.2.9").status_code == 200


@pytest.mark.django_db
def test_search_limit_counts_bad_queries_too(client, home_page, search_limit):
    for query in ["\x00", "a" * 5000, ""]:
        assert client.get("/zoeken/", {"q": query}).status_code == 200
    assert client.get("/zoeken/", {"q": "\x00"}).status_code == 429


# --- uploads never run in the site's origin: images -------------------------------------

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "green").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def image_editor(client, django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(django_user_model.objects.create_superuser("beeld", "b@example.nl", "x"))
    return client


def upload_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.django_db
def test_a_real_png_is_accepted(image_editor, tmp_path):
    response = upload_image(image_editor, "logo.png", png_bytes())
    assert response.status_code == 302
    assert get_image_model().objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [("tekening.svg", SVG), ("pagina.html", HTML), ("pagina-als-png.png", HTML)],
    ids=["svg", "html", "html-as-png"],
)
def test_svg_and_html_are_refused_as_images(image_editor, tmp_path, name, content):
    response = upload_image(image_editor, name, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"), [("tekening.svg", SVG), ("pagina.html", HTML)], ids=["svg", "html"]
)
def test_svg_and_html_are_refused_by_the_multiple_image_upload(image_editor, name, content):
    response = image_editor.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"] is False
    assert not get_image_model().objects.exists()
