"""Production: everything from the environment; HTTPS only.

Refuses to start without SECRET_KEY and ALLOWED_HOSTS. Passes ``manage.py check --deploy``
without warnings (home/tests/test_security.py runs it). Headers that hold in every
environment (CSP, Referrer-Policy, frame policy, login lockout) are in base.py's
"Security" section.
"""

from .base import *  # noqa: F403
from .base import env, env_bool, env_int, env_list

SECRET_KEY = env("SECRET_KEY", required=True)
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
