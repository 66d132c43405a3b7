"""Building blocks of the load-test data (``manage.py generate_load_data``).

``home.loaddata.generate_load_data`` makes the home page skeleton and then runs each
section's ``generate(sizes, stdout, home)`` (docs/architecture.md). Generated pages are
marked by their owner, a dedicated user; this module owns that marker, the bulk search
indexing and the few pictures and texts the generated pages share.
"""

import copy
import json
import random
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.test.utils import override_settings
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.index import RelatedFields
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.content import ensure_page
from core.demo import make_picture, paragraph

# Pages the generator made are owned by this (inactive, password-less) user; partnerships
# carry a slug prefix instead (see regions/loaddata.py).
GENERATOR_USERNAME = "loadtest-generator"
PICTURES = 6
# Pictures are shared by many pages, like an image library: small, so generation is quick.
PICTURE_SIZE = (960, 640)


def generator_user():
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=GENERATOR_USERNAME, defaults={"is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def foreign_pages():
    """Pages a person made: everything but Wagtail's root, its placeholder and ours."""
    pages = Page.objects.filter(depth__gt=1).exclude(owner__username=GENERATOR_USERNAME)
    # Wagtail's migration adds a plain "Welcome" page; ensure_home_page replaces it.
    placeholder = pages.filter(depth=2, content_type__app_label="wagtailcore")
    return pages.exclude(pk__in=placeholder.values("pk"))


INDEX_CHUNK = 500


def related_names(fields, prefix=""):
    """The relations a model's search fields follow, nested ones included."""
    for field in fields:
        if isinstance(field, RelatedFields):
            yield prefix + field.field_name
            yield from related_names(field.fields, f"{prefix}{field.field_name}__")


def index_in_bulk(model, queryset):
    """Add objects to the search index in chunks, their related objects prefetched.

    Wagtail's own prefetching skips ParentalManyToManyFields and nested relations; with
    them prefetched, indexing 100 news items takes 9 queries instead of about 1,200.
    """
    backend = get_search_backend()
    names = list(related_names(model.get_search_fields()))
    queryset = queryset.prefetch_related(*names).order_by("pk")
    for start in range(0, queryset.count(), INDEX_CHUNK):
        backend.add_bulk(model, list(queryset[start : start + INDEX_CHUNK]))


@contextmanager
def generating():
    """Wrap a generation run: index in bulk at the end, then mark the new pages as ours.

    Indexing each page as it is saved (twice for a news item) is most of the time of a
    page's creation, so the search backends' auto-update is off during the run (the
    setting is read on every save, hence the override) and the new pages are indexed in
    bulk afterwards. Wagtail's reference index (the admin's "usage" counts) is left out.
    """
    pages_before = Page.objects.aggregate(highest=Max("pk"))["highest"] or 0
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    for params in backends.values():
        params["AUTO_UPDATE"] = False
    with disable_reference_index_auto_update(), override_settings(WAGTAILSEARCH_BACKENDS=backends):
        yield
    new_pages = Page.objects.filter(pk__gt=pages_before)
    for content_type in ContentType.objects.filter(pk__in=new_pages.values("content_type")):
        model = content_type.model_class()
        index_in_bulk(model, model.get_indexed_objects().filter(pk__gt=pages_before))
    new_pages.update(owner=generator_user())


def pictures():
    """A handful of pictures that the generated pages share (made once)."""
    return [
        make_picture(f"Belastingtest {number}", f"load-{number}", PICTURE_SIZE)
        for number in range(1, PICTURES + 1)
    ]


def paragraphs(number, count=3):
    """A story body of ``count`` paragraphs; the number makes every page a little different."""
    texts = [
        f"In deze regio werken scholen en bedrijven al {number % 9 + 2} jaar samen aan "
        "onderwijs dat aansluit bij de vraag van de arbeidsmarkt.",
        "Studenten lopen stage bij de partners, docenten halen kennis op in de bedrijven en "
        "werkenden volgen modules om zich om te scholen.",
        "De partners leggen hun afspraken vast in een convenant en bekijken elk jaar samen "
        "wat werkt en wat beter kan.",
        "Zo groeit een netwerk dat meer bedrijven bereikt dan elke partij alleen zou kunnen.",
    ]
    return json.dumps([paragraph(*texts[:count])])


def section_pages(home, index_factory, index_fields, slug_prefix):
    """Where a section's generated pages go: its index under ``home`` (made if missing),
    how many generated pages it has, and a random generator seeded with that number, so
    that a second run continues where the first one stopped."""
    index = ensure_page(home, index_factory, **index_fields)
    existing = index.get_children().filter(slug__startswith=slug_prefix).count()
    return index, existing, random.Random(existing)
