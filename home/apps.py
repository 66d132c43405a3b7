from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The top layer: home, programme, goal and contact pages, programme metrics, site search
    and the editorial roles. It may import every other app."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Site"
