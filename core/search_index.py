"""Every snippet an editor chooses is findable by name: rows missing from the index get there.

Wagtail adds a snippet to the search index when it is saved (a ``post_save`` signal). Rows
that a data migration writes (the regions, provinces and taxonomies of
regions/migrations/0002) or that ``bulk_create`` writes send no such signal, so the admin's
chooser ("Kies Arbeidsmarktregio", type "Twente") found nothing. After every ``migrate``
(a ``post_migrate`` handler in the apps' ``ready()``) and after each import command, the
indexed snippet models' rows that have no index entry are added, through the search
backends' public ``add_bulk``. Rows that are already indexed are left alone, so a second
run costs one query per model.

The site's search backend is Wagtail's database backend (WAGTAILSEARCH_BACKENDS), whose
entries live in ``wagtail.search.models.IndexEntry``; that table tells what is missing.
"""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import CharField
from django.db.models.functions import Cast

CHUNK = 500


def chooser_models(app_config):
    """The app's indexed models that are not pages: its snippets (pages index on publish)."""
    from wagtail.models import Page
    from wagtail.search import index

    return [
        model
        for model in app_config.get_models()
        if index.class_is_indexed(model) and not issubclass(model, Page)
    ]


def unindexed(model):
    """The model's indexable rows that have no entry in the search index."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    entries = IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model)
    ).values("object_id")
    # The index keys rows by their primary key as text.
    return (
        model.get_indexed_objects()
        .annotate(index_key=Cast("pk", CharField()))
        .exclude(index_key__in=entries)
    )


def index_missing(model):
    """Add the model's unindexed rows to every auto-updated search backend; return how many."""
    from wagtail.search.backends import get_search_backends

    # The primary keys first: each chunk that is added leaves the "unindexed" query.
    pks = list(unindexed(model).values_list("pk", flat=True))
    backends = list(get_search_backends(with_auto_update=True))
    for start in range(0, len(pks), CHUNK):
        rows = list(model.get_indexed_objects().filter(pk__in=pks[start : start + CHUNK]))
        for backend in backends:
            backend.add_bulk(model, rows)
    return len(pks)


def index_app_snippets(app_config, stdout=None):
    """Index every snippet row of the app that is missing from the search index."""
    for model in chooser_models(app_config):
        added = index_missing(model)
        if added and stdout is not None:
            stdout.write(f"  Search index: added {added} {model._meta.label} row(s).\n")


def fully_migrated(using):
    """True when no migration is left to apply (a partial migrate may lack tables)."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[using])
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


def index_after_migrate(sender, using=DEFAULT_DB_ALIAS, verbosity=1, stdout=None, **kwargs):
    """``post_migrate`` handler: index the sending app's snippets the migrations wrote."""
    # The search backends write through the default connection only.
    if using != DEFAULT_DB_ALIAS or not fully_migrated(using):
        return
    index_app_snippets(sender, stdout=stdout if verbosity >= 1 else None)
