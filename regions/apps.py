from django.apps import AppConfig


class RegionsConfig(AppConfig):
    """The regional network: regions, partnerships, the network map, write-ups and profiles."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "regions"
    verbose_name = "Regionaal netwerk"

    def ready(self):
        from regions import cdn

        cdn.connect_signals()
