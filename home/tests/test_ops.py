"""Operations: media storage, CDN purge, redirects and gunicorn, all switched by the environment.

Settings are module-level code that reads the environment once, so each configuration is
loaded in a fresh Python process with exactly the variables under test.
"""

import contextlib
import json
import os
import runpy
import secrets
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from wagtail.contrib.redirects.models import Redirect

from core.models import AccessibleDocument
from home.factories import ProgrammePageFactory

ROOT = Path(__file__).resolve().parents[2]
OPS_VARIABLES = (
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_S3_CUSTOM_DOMAIN",
    "MEDIA_URL",
    "FRONTEND_CACHE_BACKEND",
    "FRONTEND_CACHE_LOCATION",
    "CLOUDFLARE_BEARER_TOKEN",
    "CLOUDFLARE_ZONE_ID",
    "CLOUDFRONT_DISTRIBUTION_ID",
)
S3 = {
    "AWS_STORAGE_BUCKET_NAME": "pps-media",
    "AWS_S3_REGION_NAME": "nl-ams",
    "AWS_ACCESS_KEY_ID": "key-id",
    "AWS_SECRET_ACCESS_KEY": "secret",
}
# Prints the production settings this process sees, and the URL storage gives an image.
SHOW_SETTINGS = """
import json
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
print(json.dumps({
    "default": settings.STORAGES["default"],
    "media_origin": settings.MEDIA_ORIGIN,
    "image_url": storages["default"].url("images/foto.fill-480x320.jpg"),
    "documents": settings.WAGTAILDOCS_SERVE_METHOD,
    "frontend_cache": getattr(settings, "WAGTAILFRONTENDCACHE", None),
    "apps": settings.INSTALLED_APPS,
}))
"""


def production(variables):
    """Run SHOW_SETTINGS under production settings with these variables (and no others of ours)."""
    environ = {key: value for key, value in os.environ.items() if key not in OPS_VARIABLES}
    environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="www.example.nl",
        **variables,
    )
    return subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_settings(variables):
    result = production(variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_media_stay_on_disk_without_a_bucket():
    shown = production_settings({})
    assert shown["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert shown["image_url"] == "/media/images/foto.fill-480x320.jpg"
    assert shown["media_origin"] is None


def test_a_media_host_for_files_on_disk():
    shown = production_settings({"MEDIA_URL": "https://media.example.nl/"})
    assert shown["image_url"] == "https://media.example.nl/images/foto.fill-480x320.jpg"
    assert shown["media_origin"] == "https://media.example.nl"


@pytest.mark.parametrize(
    ("variables", "origin"),
    [
        ({"AWS_S3_CUSTOM_DOMAIN": "media.example.nl"}, "https://media.example.nl"),
        ({"AWS_S3_ENDPOINT_URL": "https://s3.nl-ams.scw.cloud"}, "https://s3.nl-ams.scw.cloud"),
        ({}, "https://pps-media.s3.amazonaws.com"),
    ],
    ids=["media-domain", "s3-compatible", "aws"],
)
def test_media_in_object_storage_when_a_bucket_is_set(variables, origin):
    shown = production_settings({**S3, **variables})
    assert shown["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = shown["default"]["OPTIONS"]
    assert options["bucket_name"] == "pps-media"
    assert options["region_name"] == "nl-ams"
    assert (options["access_key"], options["secret_key"]) == ("key-id", "secret")
    assert options["endpoint_url"] == variables.get("AWS_S3_ENDPOINT_URL")
    assert options["custom_domain"] == variables.get("AWS_S3_CUSTOM_DOMAIN")
    # Plain URLs that outlive cached pages; uploads never overwrite each other.
    assert options["querystring_auth"] is False
    assert options["file_overwrite"] is False
    # Images come from another origin than the site, and the CSP is told which one.
    assert shown["image_url"].startswith(origin + "/")
    assert shown["media_origin"] == origin
    assert "www.example.nl" not in shown["image_url"]
    # Documents are never linked from the bucket: the site streams them as downloads.
    assert shown["documents"] == "serve_view"


def test_a_media_domain_that_is_the_site_itself_is_refused():
    result = production({**S3, "AWS_S3_CUSTOM_DOMAIN": "www.example.nl"})
    assert result.returncode != 0
    assert "AWS_S3_CUSTOM_DOMAIN=www.example.nl is a host of the site itself" in result.stderr


class ObjectStorageLike(Storage):
    """Files with URLs on a media domain but no local path, as in S3 (there is none in tests)."""

    files = {}

    def _save(self, name, content):
        self.files[name] = content.read()
        return name

    def _open(self, name, mode="rb"):
        return ContentFile(self.files[name], name=name)

    def exists(self, name):
        return name in self.files

    def size(self, name):
        return len(self.files[name])

    def url(self, name):
        return f"https://media.example.nl/{name}"


@pytest.mark.django_db
def test_documents_from_remote_storage_are_streamed_as_downloads(client, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.ObjectStorageLike"},
    }
    document = AccessibleDocument.objects.create(
        title="Profiel", file=ContentFile(b"%PDF-1.4 demo", name="profiel.pdf")
    )
    assert document.file.url.startswith("https://media.example.nl/")
    response = client.get(document.url)
    # Not a redirect to the media host: the bytes come through the site, as a download.
    assert response.status_code == 200
    assert response.streaming
    assert b"".join(response.streaming_content) == b"%PDF-1.4 demo"
    assert response["Content-Disposition"].startswith("attachment")
    assert not document.url.startswith("https://media.example.nl/")


def test_frontend_cache_settings_from_the_environment():
    assert "wagtail.contrib.frontend_cache" in production_settings({})["apps"]
    assert production_settings({})["frontend_cache"] is None
    http = production_settings(
        {"FRONTEND_CACHE_BACKEND": "http-purge", "FRONTEND_CACHE_LOCATION": "http://varnish:6081"}
    )["frontend_cache"]
    assert http == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish:6081",
        }
    }
    cloudflare = production_settings(
        {
            "FRONTEND_CACHE_BACKEND": "cloudflare",
            "CLOUDFLARE_BEARER_TOKEN": "token",
            "CLOUDFLARE_ZONE_ID": "zone",
        }
    )["frontend_cache"]["default"]
    assert cloudflare["BACKEND"].endswith("CloudflareBackend")
    assert (cloudflare["BEARER_TOKEN"], cloudflare["ZONEID"]) == ("token", "zone")
    cloudfront = production_settings(
        {"FRONTEND_CACHE_BACKEND": "cloudfront", "CLOUDFRONT_DISTRIBUTION_ID": "E123"}
    )["frontend_cache"]["default"]
    assert cloudfront["BACKEND"].endswith("CloudfrontBackend")
    assert cloudfront["DISTRIBUTION_ID"] == "E123"


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"FRONTEND_CACHE_BACKEND": "akamai"}, "FRONTEND_CACHE_BACKEND=akamai is unknown"),
        ({"FRONTEND_CACHE_BACKEND": "http-purge"}, "FRONTEND_CACHE_LOCATION"),
        (
            {"FRONTEND_CACHE_BACKEND": "cloudflare", "CLOUDFLARE_ZONE_ID": "zone"},
            "CLOUDFLARE_BEARER_TOKEN",
        ),
        ({"FRONTEND_CACHE_BACKEND": "cloudfront"}, "CLOUDFRONT_DISTRIBUTION_ID"),
    ],
)
def test_incomplete_frontend_cache_settings_refuse_to_start(variables, message):
    result = production(variables)
    assert result.returncode != 0
    assert message in result.stderr


class PurgeRecorder(BaseHTTPRequestHandler):
    """A stand-in for Varnish: records every PURGE request."""

    received = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.received.append((self.path, self.headers["Host"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    """The stand-in on a port the system picks (a fixed port fails when another checkout's
    suite holds it): ``.url`` is its address, ``.received`` the PURGE requests it got."""
    PurgeRecorder.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SimpleNamespace(
        url=f"http://127.0.0.1:{server.server_address[1]}", received=PurgeRecorder.received
    )
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_publishing_purges_the_page_from_the_cdn(settings, home_page, purge_server):
    page = ProgrammePageFactory(parent=home_page, slug="over-ons")
    # Unconfigured (as in test settings): publishing sends nothing.
    assert not hasattr(settings, "WAGTAILFRONTENDCACHE")
    page.save_revision().publish()
    assert purge_server.received == []

    # Configured exactly as the environment variables make it.
    settings.WAGTAILFRONTENDCACHE = production_settings(
        {"FRONTEND_CACHE_BACKEND": "http-purge", "FRONTEND_CACHE_LOCATION": purge_server.url}
    )["frontend_cache"]
    page.title = "Over het programma"
    page.save_revision().publish()
    # The page itself (Wagtail) and the home page that lists it (core/cdn.py).
    expected = [("/", "localhost"), ("/over-ons/", "localhost")]
    assert sorted(purge_server.received) == expected
    purge_server.received.clear()
    page.unpublish()
    assert sorted(purge_server.received) == expected


def test_purge_server_works_while_another_suite_holds_the_old_fixed_port(request):
    """Two checkouts testing at once: the other one's stand-in holds port 8101, where ours
    used to listen. Ours must still start (and its address must not be that port)."""
    other = socket.socket()
    try:
        other.bind(("127.0.0.1", 8101))
    except OSError:
        pass  # already held by something else: the situation this test is about
    else:
        other.listen()
    try:
        server = request.getfixturevalue("purge_server")
        assert not server.url.endswith(":8101")
    finally:
        other.close()


@pytest.mark.django_db
def test_redirects_live_in_the_database(client, home_page):
    """Every app server reads redirects from the shared database, never from its own memory."""
    ProgrammePageFactory(parent=home_page, slug="nieuw")
    assert client.get("/oud/").status_code == 404
    redirect = Redirect.objects.create(old_path="/oud", redirect_link="/nieuw/")
    response = client.get("/oud/")
    assert (response.status_code, response["Location"]) == (301, "/nieuw/")
    # A change made elsewhere (another server's admin) counts at once.
    Redirect.objects.filter(pk=redirect.pk).update(redirect_link="/elders/", is_permanent=False)
    response = client.get("/oud/")
    assert (response.status_code, response["Location"]) == (302, "/elders/")
    Redirect.objects.filter(pk=redirect.pk).delete()
    assert client.get("/oud/").status_code == 404


# Loads gunicorn.conf.py the way gunicorn does, validating each value.
SHOW_GUNICORN = """
import json, runpy
from gunicorn.config import Config
config = Config()
for name, value in runpy.run_path("gunicorn.conf.py").items():
    if name in config.settings:
        config.set(name, value)
print(json.dumps({name: config.settings[name].get() for name in (
    "bind", "workers", "threads", "worker_class", "timeout", "graceful_timeout",
    "keepalive", "max_requests", "max_requests_jitter", "forwarded_allow_ips",
    "accesslog", "access_log_format",
)}))
"""


def gunicorn_config(variables):
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("GUNICORN_") and key not in ("WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS")
    }
    return subprocess.run(
        [sys.executable, "-c", SHOW_GUNICORN],
        cwd=ROOT,
        env={**environ, **variables},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_gunicorn_defaults_suit_two_cores():
    result = gunicorn_config({})
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    assert config["bind"] == ["127.0.0.1:8000"]
    assert (config["workers"], config["threads"], config["worker_class"]) == (5, 2, "gthread")
    assert (config["timeout"], config["graceful_timeout"]) == (30, 30)
    assert config["keepalive"] > 60  # longer than a load balancer's idle timeout
    assert (config["max_requests"], config["max_requests_jitter"]) == (50000, 10000)
    assert config["forwarded_allow_ips"] == ["127.0.0.1", "::1"]
    assert config["accesslog"] == "-"
    assert "%(M)s" in config["access_log_format"]  # request time


def test_gunicorn_reads_the_environment():
    result = gunicorn_config(
        {
            "GUNICORN_BIND": "0.0.0.0:9000",
            "WEB_CONCURRENCY": "3",
            "GUNICORN_THREADS": "4",
            "GUNICORN_TIMEOUT": "60",
            "GUNICORN_MAX_REQUESTS": "500",
            "FORWARDED_ALLOW_IPS": "10.0.0.2,10.0.0.3",
        }
    )
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    assert config["bind"] == ["0.0.0.0:9000"]
    assert (config["workers"], config["threads"], config["timeout"]) == (3, 4, 60)
    assert config["max_requests"] == 500
    assert config["forwarded_allow_ips"] == ["10.0.0.2", "10.0.0.3"]


def test_gunicorn_refuses_a_number_that_is_not_one():
    result = gunicorn_config({"GUNICORN_THREADS": "twee"})
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == (
        "gunicorn.conf.py: Set the environment variable GUNICORN_THREADS to a whole number "
        "of at least 1, not 'twee' (see .env.example)."
    )


def test_gunicorn_master_warms_templates_and_urls_then_freezes(monkeypatch):
    """when_ready compiles templates and builds the cache backend in the master; pre_fork freezes."""
    from django.template import engines
    from gunicorn.config import Config

    hooks = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    config = Config()
    for name in ("when_ready", "pre_fork"):
        config.set(name, hooks[name])  # gunicorn checks the hook's arity
    loader = engines["django"].engine.template_loaders[0]
    loader.reset()
    with contextlib.suppress(AttributeError):  # not built yet in this thread
        del caches["default"]
    built_before = len(caches.all(initialized_only=True))
    warnings = []
    server = type("Server", (), {"log": type("Log", (), {"warning": warnings.append})()})()
    hooks["when_ready"](server)
    compiled = set(loader.get_template_cache)
    assert {"base.html", "regions/network_map_page.html", "components/filter_form.html"} <= compiled
    assert warnings == []
    # Built in this (the master's) thread.
    assert len(caches.all(initialized_only=True)) == built_before + 1
    frozen = []
    monkeypatch.setattr(hooks["gc"], "freeze", lambda: frozen.append(True))
    hooks["pre_fork"](server, worker=None)
    assert frozen == [True]
