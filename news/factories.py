"""factory_boy factories of the news section, and a fast bulk helper for big lists."""

import datetime

import factory

from core.factories import PageFactory
from news.models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(PageFactory):
    """The news index; pass ``parent`` (the home page)."""

    class Meta:
        model = NewsIndexPage

    title = "Nieuws"
    slug = "nieuws"
    intro = "Nieuws over regionale samenwerking tussen onderwijs en bedrijfsleven."
    show_in_menus = True


class NewsPageFactory(PageFactory):
    """A live news item; pass ``parent`` (the news index)."""

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Nieuwsbericht {n}")
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    intro = "Scholen en bedrijven werken samen in de regio."

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            self.save()

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set(extracted)
            self.save()


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
