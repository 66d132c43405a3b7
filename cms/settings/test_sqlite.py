"""The short second test pass of `make test`: `make run`'s settings (dev.py) on SQLite.

Only tests marked ``sqlite`` run with these settings (``pytest -m sqlite --ds=...``, see the
Makefile); the main pass stays on PostgreSQL (test.py). Everything else is dev.py as
`make run` serves it, the database cache included, so what breaks only on the embedded
default (SQLite's full-text search, its query syntax) breaks here first.
"""

import dj_database_url

from .dev import *  # noqa: F403
from .dev import ALLOWED_HOSTS, BASE_DIR

# `make run`'s database whatever DATABASE_URL says (make test exports PostgreSQL's); the
# tests get an in-memory SQLite database of their own, db.sqlite3 is never opened.
DATABASES = {"default": dj_database_url.parse(f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / ".test-media"
