"""Production: everything from the environment; HTTPS only.

Refuses to start without SECRET_KEY and ALLOWED_HOSTS, and with a placeholder or weak
SECRET_KEY. Passes ``manage.py check --deploy`` without warnings (home/tests/test_security.py
runs it). Headers that hold in every environment (CSP, Referrer-Policy, frame policy, login
lockout) are in base.py's "Security" section.
"""

from django.core.checks.security import base as django_security
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, env_bool, env_int, env_list

# Parts of the placeholder keys people copy: .env.example's, dev.py's, test.py's, Django's
# "django-insecure-…". Lower case, so Django does not take them for settings.
secret_key_placeholders = (
    "change-me",
    "changeme",
    "change_me",
    "insecure",
    "dev-only",
    "test-only",
)
min_length = django_security.SECRET_KEY_MIN_LENGTH
min_unique_characters = django_security.SECRET_KEY_MIN_UNIQUE_CHARACTERS


def secret_key():
    """SECRET_KEY from the environment, refused when it is a placeholder or weak.

    Django's own rule (check --deploy, security.W009) only warns: at least 50 characters,
    at least 5 different ones. Here it stops the start, and so do the placeholders of this
    project (``change-me`` in .env.example, the dev and test keys) and Django's
    ``django-insecure-`` keys, whatever their length. The key is never echoed: a real key
    that is merely short must not end up in a log.
    """
    value = env("SECRET_KEY", required=True)
    lowered = value.lower()
    if (
        len(value) < min_length
        or len(set(value)) < min_unique_characters
        or any(marker in lowered for marker in secret_key_placeholders)
    ):
        raise ImproperlyConfigured(
            "SECRET_KEY is a placeholder or too weak: set it to a random value of at least "
            f"{min_length} characters, the same on every server, e.g. the output "
            "of `python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
        )
    return value


SECRET_KEY = secret_key()
# Required: base.py's default (localhost) would answer no real visitor.
env("ALLOWED_HOSTS", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# HTTPS. SECURE_SSL_REDIRECT=false only for `make serve-prod` on a machine without TLS.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Behind the load balancer that ends TLS, gunicorn turns its X-Forwarded-Proto into the
# request's scheme (forwarded_allow_ips in gunicorn.conf.py), so Django needs no
# SECURE_PROXY_SSL_HEADER and a client cannot fake HTTPS by sending that header itself.
# One year; sent only over HTTPS, so a local plain-HTTP run is unaffected.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600, minimum=1)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Joining the browsers' preload list is hard to undo and is the domain owner's decision:
# opt in with SECURE_HSTS_PRELOAD=true. Until then Django's reminder (W021) is silenced.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
