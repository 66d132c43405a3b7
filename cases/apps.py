from django.apps import AppConfig


class CasesConfig(AppConfig):
    """Case stories ("initiatieven aan het woord") about partnerships."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "cases"
    verbose_name = "Cases"
