from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site core: home and programme pages, shared blocks, settings, contacts, search."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Site"
