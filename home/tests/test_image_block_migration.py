"""The data migration from the hand-made image struct to Wagtail's ``ImageBlock``.

Pages and revisions get the old value as raw JSON (as today's databases hold it), then the
``MigrateStreamData`` operations of the real migration files run over them, and the pages
must show the same image, alternative text, caption and credit.
"""

import importlib
import json

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.models import Revision

from cases.factories import CaseIndexPageFactory, CasePageFactory
from core.tests.seo_helpers import make_image
from home.factories import ProgrammePageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory

MIGRATIONS = [
    ("home", "0007_figure_image_block"),
    ("news", "0005_figure_image_block"),
    ("cases", "0005_figure_image_block"),
]


def old_figure(image, alt_text="", caption="", credit="", block_id="a1"):
    """A body stream item in the shape the old hand-made image struct stored."""
    value = {"image": image.pk, "alt_text": alt_text, "caption": caption, "credit": credit}
    return {"type": "image", "value": value, "id": block_id}


def write_raw_body(page, stream):
    """Store ``stream`` as the page's body column, bypassing the current block definition."""
    table = type(page)._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET body = %s WHERE page_ptr_id = %s",  # noqa: S608 (model table)
            [json.dumps(stream), page.pk],
        )


def write_raw_revision(revision, stream):
    content = dict(revision.content, body=json.dumps(stream))
    Revision.objects.filter(pk=revision.pk).update(content=content)


def run_image_block_migrations():
    """The stream data operations of the three real migration files, on today's tables."""
    for app_label, name in MIGRATIONS:
        module = importlib.import_module(f"{app_label}.migrations.{name}")
        for operation in module.Migration.operations:
            if isinstance(operation, MigrateStreamData):
                operation.code(apps, None)


def figures(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select(".stream figure.figure")


@pytest.fixture
def pages(home_page):
    """One page of each type with a ``body``: home, programme, news item, case."""
    programme = ProgrammePageFactory(parent=home_page, title="Over het programma")
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page))
    case = CasePageFactory(parent=CaseIndexPageFactory(parent=home_page))
    return [home_page, programme, news, case]


@pytest.mark.django_db
def test_old_image_structs_show_the_same_after_the_migration(client, pages):
    image = make_image("Werkplaats")
    stream = [
        old_figure(image, "Twee studenten aan een draaibank", "De nieuwe werkplaats", "Jan Bos"),
        old_figure(image, block_id="b2"),  # no alternative text: decorative
    ]
    for page in pages:
        write_raw_body(page, stream)

    run_image_block_migrations()

    jpeg = image.get_rendition("format-jpeg|width-800").url
    for page in pages:
        described, decorative = figures(client.get(page.url))
        img = described.find("img")
        assert img["alt"] == "Twee studenten aan een draaibank", page
        assert jpeg in img["srcset"]
        caption = described.find("figcaption")
        assert caption.get_text(" ", strip=True) == "De nieuwe werkplaats Beeld: Jan Bos"
        assert decorative.find("img")["alt"] == ""
        assert jpeg in decorative.find("img")["srcset"]
        assert decorative.find("figcaption") is None
        page.refresh_from_db()
        value = page.body[1].value["image"]
        assert (value.pk, value.decorative, page.body[0].value["image"].decorative) == (
            image.pk,
            True,
            False,
        )


@pytest.mark.django_db
def test_the_migration_rewrites_every_revision_and_only_once(pages):
    image = make_image("Werkplaats")
    news = pages[2]
    older = news.save_revision()
    latest = news.save_revision()
    write_raw_revision(older, [old_figure(image, "Oud", "Eerste versie")])
    write_raw_revision(latest, [old_figure(image, "Nieuw", "Tweede versie", "Bron")])

    run_image_block_migrations()
    once = {pk: content for pk, content in Revision.objects.values_list("pk", "content")}
    run_image_block_migrations()
    twice = {pk: content for pk, content in Revision.objects.values_list("pk", "content")}

    assert once == twice
    for revision, alt_text, caption in [
        (older, "Oud", "Eerste versie"),
        (latest, "Nieuw", "Tweede versie"),
    ]:
        block = Revision.objects.get(pk=revision.pk).as_object().body[0]
        assert block.value["image"].pk == image.pk
        assert block.value["image"].contextual_alt_text == alt_text
        assert block.value["caption"] == caption
        assert f'alt="{alt_text}"' in block.render()


@pytest.mark.django_db
def test_body_images_load_in_one_query_whatever_their_number(client, pages):
    """Images of a body come in one query; their renditions from Wagtail's rendition cache."""
    news = pages[2]
    images = [make_image(f"Foto{number}") for number in range(5)]

    def queries_with(count):
        news.body = [
            ("image", {"image": {"image": image, "alt_text": image.title}, "caption": "Bij"})
            for image in images[:count]
        ]
        news.save()
        client.get(news.url)  # renditions made and cached
        with CaptureQueriesContext(connection) as captured:
            assert len(figures(client.get(news.url))) == count
        return len(captured)

    without, one, five = queries_with(0), queries_with(1), queries_with(5)
    assert (one - without, five - without) == (1, 1)
