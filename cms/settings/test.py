"""Test settings: always PostgreSQL (never SQLite), fast hashing, plain static files."""

import hashlib

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, env

SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Per process, so parallel test workers never share entries. Page and fragment caching are
# off, as other tests render a page, change content inside their transaction (no commit,
# so no new content generation) and render again; home/tests/test_cache.py and
# regions/tests/test_cache_invalidation.py switch them on.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# Security: django-axes needs the request that client.login() does not pass; the lockout
# tests in home/tests/test_security.py switch it on.
AXES_ENABLED = False

# One test database per checkout (pytest-django appends _gw0, _gw1 for xdist workers), so two
# checkouts can run their suites on one PostgreSQL server at the same time.
DATABASES["default"]["TEST"] = {
    "NAME": "test_pps_"
    + hashlib.sha1(str(BASE_DIR).encode(), usedforsecurity=False).hexdigest()[:8]  # noqa: F405
}

if not env("DATABASE_URL") or DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured(
        "Tests need PostgreSQL: run `make test`, or set DATABASE_URL=postgres://… yourself."
    )
