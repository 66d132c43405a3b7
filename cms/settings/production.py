"""Production: everything from the environment; refuses to start without SECRET_KEY."""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = env("SECRET_KEY", required=True)
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
