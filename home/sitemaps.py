"""The sitemap's page section: every live, public page of the request's site.

``/sitemap.xml`` is an index (cms/urls.py) of sections, each served in files of at most
``limit`` URLs, so that no request renders thousands of URLs: a sitemap is rendered again
after every publish, because the page cache then starts a new generation.
"""

from django.db.models import Max
from django.db.models.functions import Coalesce
from wagtail.contrib.sitemaps import Sitemap

SITEMAP_FILE_LIMIT = 1000


class PageSitemap(Sitemap):
    """Wagtail's page sitemap, paginated, with the index's date from one aggregate query."""

    limit = SITEMAP_FILE_LIMIT

    def get_latest_lastmod(self):
        # Django's default reads every item (every page, specific) just to take the maximum.
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        latest = Coalesce("last_published_at", "latest_revision_created_at")
        return pages.live().public().aggregate(latest=Max(latest))["latest"]
