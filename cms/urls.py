from pathlib import Path

from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.http import conditional_page
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from core import health
from core.sitemaps import PageSitemap
from home import views as home_views
from regions import views as regions_views
from regions.sitemaps import PartnershipSitemap

# /sitemap.xml is an index of these sections, each in files of at most 250 URLs. Their
# Last-Modified (and an ETag of the content) answer conditional GETs with 304, as Django's
# ConditionalGetMiddleware does; search engines fetch sitemaps again and again.
SITEMAPS = {"paginas": PageSitemap, "samenwerkingen": PartnershipSitemap}

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("zoeken/", home_views.search, name="search"),
    path("sitemap/", home_views.html_sitemap, name="html_sitemap"),
    path(
        "sitemap.xml",
        conditional_page(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
    ),
    path(
        "sitemap-<slug:section>.xml",
        conditional_page(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS, "template_name": "sitemaps/urlset.xml"},
        name="sitemap-section",
    ),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path(
        "herinneringen/afmelden/<str:token>/",
        regions_views.reminder_opt_out,
        name="regions_reminder_opt_out",
    ),
    path("healthz", health.healthz, name="healthz"),  # load balancer: database and cache
]

# The media folders `make run` serves itself: Wagtail's images and renditions. Documents
# (media/documents/) are left out: as in production they are only downloaded through
# /documenten/, as attachments, never opened inline from storage.
DEBUG_MEDIA_FOLDERS = ["original_images", "images"]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    for folder in DEBUG_MEDIA_FOLDERS:
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=Path(settings.MEDIA_ROOT) / folder
        )

urlpatterns += [
    # Wagtail's page URLs allow no dots; a page's data files (the network map's
    # kaart.geojson and export.csv, the agenda's calendar files) are routed to the page by
    # the same view.
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.(?:geojson|csv|ics))$", wagtail_views.serve),
    path("", include(wagtail_urls)),
]
