"""factory_boy factories of the news section (used by the tests, the demo and the load data),
and a helper for big lists."""

import datetime

import factory
from factory.django import DjangoModelFactory

from core.factories import PageFactory
from news.models import NewsIndexPage, NewsPage, NewsPagePartnership
from regions.factories import PartnershipFactory


class NewsIndexPageFactory(PageFactory):
    """The news index; pass ``parent`` (the home page)."""

    class Meta:
        model = NewsIndexPage

    title = "Nieuws"
    slug = "nieuws"
    intro = "Nieuws over regionale samenwerking tussen onderwijs en bedrijfsleven."
    show_in_menus = True


class NewsPageFactory(PageFactory):
    """A live news item; pass ``parent`` (the news index).

    ``themes``, ``regions``, ``tags`` and ``related_partnerships``
    (``[NewsPagePartnershipFactory.build(page=None, partnership=...)]``) go in as keyword
    arguments and are saved with the page.
    """

    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Nieuwsbericht {n}")
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    intro = "Scholen en bedrijven werken samen in de regio."


class NewsPagePartnershipFactory(DjangoModelFactory):
    """A partnership a news item is about; pass ``page`` (``None`` inside ``related_partnerships=``)."""

    class Meta:
        model = NewsPagePartnership

    partnership = factory.SubFactory(PartnershipFactory)


def many_news(index_page, count, **fields):
    """``count`` live news items under ``index_page``, dates spread over three years.

    Pages use multi-table inheritance, which ``bulk_create`` does not support, so this
    adds children one by one; the tests that use it measure 10 against 200 items.
    """
    return [
        NewsPageFactory(
            parent=index_page,
            date=datetime.date(2023, 1, 1) + datetime.timedelta(days=index % 1100),
            **fields,
        )
        for index in range(count)
    ]
