from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RegionsConfig(AppConfig):
    """The regional network: regions, partnerships, the network map, write-ups and profiles."""

    default_auto_field = "django.db.models.BigAutoField"
    # Saving one of its rows may change a public page: the page cache starts afresh.
    shows_public_content = True
    name = "regions"
    verbose_name = "Regionaal netwerk"

    def ready(self):
        from core.search_index import index_after_migrate
        from regions import cdn, proposal_signals

        cdn.connect_signals()
        proposal_signals.connect_signals()
        # The regions, provinces and taxonomies come from a data migration, which sends no
        # save signal: index them after migrate, so the admin's choosers find them by name.
        post_migrate.connect(index_after_migrate, sender=self, dispatch_uid="regions-search-index")
