"""The one way the settings and gunicorn.conf.py read the environment, typed.

Every variable is documented in ``.env.example`` (a test checks that list against the names
read here). An empty variable counts as unset. A value that is not of the variable's type
stops the start with one English sentence naming the variable, rather than a guess or a
traceback from deep inside Django. Imports nothing of Django but its exception, so
gunicorn.conf.py can use it before Django is set up.
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE, FALSE = "true", "false"


def _raw(name):
    return os.environ.get(name, "").strip()


def _bad(name, value, expected):
    return ImproperlyConfigured(
        f"Set the environment variable {name} to {expected}, not {value!r} (see .env.example)."
    )


def env(name, default=None, *, required=False):
    """A text variable, as given; ``required`` stops the start when it is unset."""
    value = os.environ.get(name, "")
    if value.strip():
        return value
    if required:
        raise ImproperlyConfigured(f"Set the environment variable {name} (see .env.example).")
    return default


def env_int(name, default, *, minimum=0):
    """A whole number of at least ``minimum`` (no sign, no unit: "300", not "300s")."""
    value = _raw(name)
    if not value:
        return default
    if not value.isdecimal() or not value.isascii() or int(value) < minimum:
        raise _bad(
            name, value, f"a whole number of at least {minimum}" if minimum else "a whole number"
        )
    return int(value)


def env_bool(name, default):
    """``true`` or ``false`` (any case); anything else stops the start rather than guess."""
    value = _raw(name)
    if not value:
        return default
    if value.lower() not in (TRUE, FALSE):
        raise _bad(name, value, "true or false")
    return value.lower() == TRUE


def env_list(name, default=""):
    """A comma-separated list; blanks around the items and empty items are dropped."""
    return [item.strip() for item in env(name, default).split(",") if item.strip()]
