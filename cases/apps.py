from django.apps import AppConfig


class CasesConfig(AppConfig):
    """Case stories ("initiatieven aan het woord") about partnerships, and the programme goals
    they serve (goal pages, targets and their metrics)."""

    default_auto_field = "django.db.models.BigAutoField"
    # Saving one of its rows may change a public page: the page cache starts afresh.
    shows_public_content = True
    name = "cases"
    verbose_name = "Cases"

    def ready(self):
        from cases.models import CasePage
        from regions import related

        # A region profile and a partnership's write-up list the cases about them.
        related.register("cases", CasePage, region="partnership__region", partnership="partnership")
