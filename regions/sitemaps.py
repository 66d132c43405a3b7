"""The sitemap's partnership section: the write-up of every published partnership.

Partnerships are snippets, their write-ups routes of the network map page, so Wagtail's
page sitemap does not list them. A private or unpublished map page hides them all.
"""

from functools import cached_property

from django.db.models import Max
from wagtail.contrib.sitemaps import Sitemap

from core.sitemaps import SITEMAP_FILE_LIMIT, on_host, w3c_date

from .models.pages import NetworkMapPage
from .models.partnership import Partnership


class PartnershipSitemap(Sitemap):
    """Write-up URLs in files of ``limit``, built from (slug, updated_at) rows."""

    limit = SITEMAP_FILE_LIMIT

    @cached_property
    def map_page(self):
        root = self.get_wagtail_site().root_page
        return NetworkMapPage.objects.descendant_of(root, inclusive=True).live().public().first()

    def items(self):
        if self.map_page is None:
            return Partnership.objects.published().none()
        return (
            Partnership.objects.published().order_by("slug", "pk").values_list("slug", "updated_at")
        )

    def get_urls(self, page=1, site=None, protocol=None):
        # Plain rows and one base URL: Django's per-item lookups of location, priority,
        # changefreq and alternates would cost more than the rows themselves. Entries are on
        # the sitemap's own host (core.sitemaps.on_host).
        rows = self.paginator.page(page).object_list
        if not rows:
            return []
        protocol, domain = self.get_protocol(protocol), self.get_domain(site)
        base = on_host(self.map_page.get_full_url(self.request), protocol, domain)
        self.latest_lastmod = max(updated for _slug, updated in rows)
        return [
            {"location": f"{base}{slug}/", "lastmod": w3c_date(updated)} for slug, updated in rows
        ]

    def get_latest_lastmod(self):
        if self.map_page is None:
            return None
        return Partnership.objects.published().aggregate(latest=Max("updated_at"))["latest"]
