"""The sitemap's page section: every live, public page of the request's site.

``/sitemap.xml`` is an index (cms/urls.py) of sections, each served in files of at most
``limit`` URLs, so that no request renders thousands of URLs: a sitemap is rendered again
after every publish, because the page cache then starts a new generation.
"""

from urllib.parse import quote, urlsplit, urlunsplit

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

# Small files keep every sitemap request cheap (about 30 ms for 250 pages; the index lists
# them all, and search engines accept up to 50,000 files).
SITEMAP_FILE_LIMIT = 250


def w3c_date(value):
    """A datetime as the sitemap's local date (2024-06-03), or None."""
    return timezone.localtime(value).date().isoformat() if value else None


def on_host(url, protocol, domain):
    """``url`` with the sitemap's own scheme and host (those of its request).

    The sitemaps protocol only accepts entries on the sitemap's host, and that is the host
    the search engine fetched it from; the Wagtail Site's address (canonical URLs) may be
    another, as under `make run` before the demo Site had its address.
    """
    parts = urlsplit(url)
    return urlunsplit((protocol, domain, parts.path, parts.query, parts.fragment))


def has_own_urls(model):
    """Does this page type work out its URL or sitemap entries itself?"""
    return (
        model.get_sitemap_urls is not Page.get_sitemap_urls
        or model.get_url_parts is not Page.get_url_parts
    )


class PageSitemap(Sitemap):
    """Wagtail's page sitemap from plain rows, paginated.

    Wagtail's own loads every page as its specific type and reverses its URL, about
    0.2 ms a page. A page's URL is the sitemap's own scheme and host (``on_host``) plus its
    path below the site root, so rows suffice; only the page types that override
    ``get_sitemap_urls`` or ``get_url_parts`` (the network map adds its partnerships' date)
    are loaded and asked. A test checks every location against ``Page.get_full_url``.
    """

    limit = SITEMAP_FILE_LIMIT

    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        return (
            pages.live()
            .public()
            .order_by("path")
            .values_list(
                "pk",
                "url_path",
                "content_type_id",
                "last_published_at",
                "latest_revision_created_at",
            )
        )

    def get_urls(self, page=1, site=None, protocol=None):
        # Django's sitemap view asks for this file's entries here, with the request's site
        # (the host the sitemap was fetched from) and protocol: the entries must be on it.
        protocol, domain = self.get_protocol(protocol), self.get_domain(site)
        root_path = self.get_wagtail_site().root_page.url_path
        urls = []
        for pk, url_path, content_type_id, published, revised in self.paginator.page(
            page
        ).object_list:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None or has_own_urls(model):
                own = Page.objects.get(pk=pk).specific.get_sitemap_urls(self.request)
                urls += [
                    dict(
                        url,
                        location=on_host(url["location"], protocol, domain),
                        lastmod=url.get("lastmod"),
                    )
                    for url in own
                ]
            else:
                # Quoted as Django's reverse() quotes a path (slugs may be Unicode).
                path = quote(url_path[len(root_path) :], safe=RFC3986_SUBDELIMS + "/~:@")
                location = f"{protocol}://{domain}/{path}"
                urls.append({"location": location, "lastmod": published or revised})
        dates = [url["lastmod"] for url in urls]
        if dates and None not in dates:
            self.latest_lastmod = max(dates)
        for url in urls:
            url["lastmod"] = w3c_date(url["lastmod"])
        return urls

    def get_latest_lastmod(self):
        # Django's default reads every item just to take the maximum.
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        latest = Coalesce("last_published_at", "latest_revision_created_at")
        return pages.live().public().aggregate(latest=Max(latest))["latest"]
