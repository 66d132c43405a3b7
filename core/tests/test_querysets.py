"""The shared query pieces: card images, many-to-many tests, published partnerships, and
the fixed sections and single pages the sections build on."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cases.factories import CaseIndexPageFactory, CasePageFactory
from cases.models import CaseIndexPage
from core.content import ensure_page
from core.querysets import CardPageQuerySet, linked_to_any
from core.tests.seo_helpers import make_image
from home.models import HomePage
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsIndexPage, NewsPage
from regions.factories import PartnershipFactory
from regions.models import Partnership, Theme

pytestmark = pytest.mark.django_db


def draw_cards(queryset):
    """What a card reads: both images and a rendition list of each."""
    for page in queryset:
        for image in (page.listing_image, page.main_image):
            if image is not None:
                list(image.renditions.all())


def test_card_images_take_the_same_queries_for_any_number_of_pages(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=index, main_image=make_image("Een"), listing_image=make_image("Twee"))

    def count():
        with CaptureQueriesContext(connection) as captured:
            draw_cards(NewsPage.objects.live().with_card_images())
        return len(captured)

    few = count()
    for number in range(4):
        NewsPageFactory(parent=index, main_image=make_image(f"Foto {number}"))
    assert count() == few == 3  # pages with their images, then the renditions of each field


def test_every_page_type_has_the_card_queryset_even_without_a_main_image(home_page):
    assert isinstance(HomePage.objects.all(), CardPageQuerySet)
    assert list(HomePage.objects.with_card_images()) == [home_page]


def test_linked_to_any_finds_rows_sharing_one_of_the_ids(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    theme, other = Theme.objects.order_by("pk")[:2]
    shared = NewsPageFactory(parent=index, themes=[theme, other])
    NewsPageFactory(parent=index, themes=[other])
    NewsPageFactory(parent=index)
    found = NewsPage.objects.filter(linked_to_any(NewsPage, "themes", [theme.pk]))
    assert list(found) == [shared]  # once, though it has two themes
    assert found.filter(linked_to_any(NewsPage, "themes", [other.pk])).count() == 1


def test_published_partnerships_leave_out_drafts():
    live = PartnershipFactory(live=True)
    PartnershipFactory(live=False)
    assert list(Partnership.objects.published()) == [live]
    assert Partnership.objects.count() == 2


def test_fixed_sections_are_the_fields_made_for_them_in_order():
    assert Partnership.FIXED_SECTIONS == [
        "background",
        "ambition",
        "approach",
        "results",
        "lessons",
        "next_steps",
    ]
    partnership = Partnership(background="<p>Waarom</p>", next_steps="<p>Straks</p>")
    sections = partnership.fixed_sections()
    assert [label for label, _text in sections] == [
        "Aanleiding",
        "Ambitie en doelen",
        "Aanpak",
        "Resultaten",
        "Lessen en succesfactoren",
        "Vervolg",
    ]
    assert sections[0][1] == "<p>Waarom</p>" and sections[-1][1] == "<p>Straks</p>"
    searched = {field.field_name for field in Partnership.search_fields}
    assert set(Partnership.FIXED_SECTIONS) <= searched


def test_ensure_page_adds_the_page_once_and_publishes_on_request(home_page):
    fields = {"title": "Nieuws", "slug": "nieuws"}
    index = ensure_page(home_page, NewsIndexPageFactory, publish=True, **fields)
    assert index.get_parent().pk == home_page.pk and index.live
    assert index.revisions.count() == 1
    # The given values win; the factory only fills what is not given.
    assert (index.title, index.slug) == ("Nieuws", "nieuws")
    assert index.intro.startswith("Nieuws over regionale samenwerking")
    assert (
        ensure_page(home_page, NewsIndexPageFactory, title="Anders", slug="anders").pk == index.pk
    )
    assert NewsIndexPage.objects.count() == 1
    cases = ensure_page(home_page, CaseIndexPageFactory, title="Cases", slug="cases")
    assert isinstance(cases, CaseIndexPage) and cases.revisions.count() == 0
    assert Page.objects.filter(slug="cases").exists()


def test_case_listing_uses_the_card_queryset(home_page):
    index = CaseIndexPageFactory(parent=home_page)
    CasePageFactory(parent=index, main_image=make_image("Case"))
    arranged = index.arrange_listing(index.listing_items())
    assert isinstance(arranged, CardPageQuerySet)
    with CaptureQueriesContext(connection) as captured:
        draw_cards(arranged)
    assert len(captured) == 2  # pages with images, the main image's renditions
