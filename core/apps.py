from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate, pre_migrate


def pause_cache(sender, **kwargs):
    """Before ``migrate``: no generation bumps while the cache table may not exist yet."""
    from core import pagecache

    pagecache.migrating = True


def prepare_cache(sender, using, **kwargs):
    """After every ``migrate``: create the database cache table, start a new generation.

    Without REDIS_URL the cache lives in a database table (cms/settings/base.py);
    ``createcachetable`` makes it when missing and does nothing otherwise, so ``make run``,
    tests and deploys need no extra step. A deploy runs ``migrate`` too, and its new
    templates must not be hidden behind pages cached by the previous release.
    """
    from core import pagecache

    pagecache.migrating = False
    call_command("createcachetable", database=using, verbosity=0)
    pagecache.bump_generation()


class CoreConfig(AppConfig):
    """The bottom layer: page mixins, shared blocks, documents, site settings, contact persons,
    SEO tags, caching, security, rate limit and health. It imports none of the other apps."""

    default_auto_field = "django.db.models.BigAutoField"
    # Saving one of its rows may change a public page: the page cache starts afresh.
    shows_public_content = True
    name = "core"
    verbose_name = "Basis"

    def ready(self):
        from core import cdn, pagecache, search_index

        pagecache.connect_signals()
        cdn.connect_signals()
        pre_migrate.connect(pause_cache, sender=self, dispatch_uid="core-pause-cache")
        post_migrate.connect(prepare_cache, sender=self, dispatch_uid="core-prepare-cache")
        # Contact persons are chosen by name in the admin: keep them all in the search index.
        post_migrate.connect(
            search_index.index_after_migrate, sender=self, dispatch_uid="core-search-index"
        )
