"""RSS 2.0 feed of the news index (``/nieuws/feed/``), built on Django's syndication."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone

FEED_ITEMS = 20


class NewsFeed(Feed):
    """The newest published news items of one news index page."""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, index_page):
        return f"{index_page.title}: regionale samenwerkingen"

    def link(self, index_page):
        return index_page.get_url(self.request)

    def description(self, index_page):
        return (
            index_page.intro
            or "Nieuws over regionale samenwerking tussen onderwijs en bedrijfsleven."
        )

    def items(self, index_page):
        return index_page.news_items().order_by("-date", "-pk")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))
