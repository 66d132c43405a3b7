"""CDN purge of the pages that show what was published (only when a CDN is configured).

Wagtail's frontend cache purges a published or unpublished page itself. The pages that list
it are purged here: its parent (the news or case overview, the programme page of a goal)
and the site's home page (teasers and key figures). Sections add their own, e.g. the
network map for a partnership (regions/cdn.py). Filtered views (``?thema=…``) are separate
URLs that a purge by path does not reach: keep the CDN's lifetime short (docs/deployment.md).
"""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.signals import page_published, page_unpublished


def cdn_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(pages=(), urls=()):
    """Purge these pages (with their cached paths) and full URLs in one batch."""
    batch = PurgeBatch()
    batch.add_pages([page for page in pages if page is not None])
    batch.add_urls(urls)
    batch.purge()


def site_home(page):
    site = page.get_site()
    return site.root_page if site else None


def purge_listing_pages(sender, instance, **kwargs):
    """page_published / page_unpublished: the parent and the home page of the page."""
    if not cdn_configured():
        return
    parent = instance.get_parent()
    home = site_home(instance)
    pages = {page.pk: page for page in (parent, home) if page is not None and page.depth > 1}
    purge(pages=pages.values())


def connect_signals():
    """Called once from HomeConfig.ready()."""
    page_published.connect(purge_listing_pages, dispatch_uid="cdn-purge-listings-published")
    page_unpublished.connect(purge_listing_pages, dispatch_uid="cdn-purge-listings-unpublished")
