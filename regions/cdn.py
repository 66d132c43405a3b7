"""CDN purge when a partnership is published or unpublished (only when a CDN is configured).

A partnership is a snippet, so Wagtail purges nothing for it. What shows it: its write-up,
the network map with its GeoJSON and CSV (NetworkMapPage.get_cached_paths), the profile of
its region and the home page's key figures.
"""

from wagtail.signals import published, unpublished

from core.cdn import cdn_configured, purge, site_home

from .models import NetworkMapPage, Partnership, RegionProfilePage


def purge_partnership(sender, instance, **kwargs):
    if not cdn_configured():
        return
    maps = list(NetworkMapPage.objects.live())
    profiles = list(RegionProfilePage.objects.live().filter(region_id=instance.region_id))
    homes = {home.pk: home for home in (site_home(page) for page in maps) if home is not None}
    write_ups = [url for url in (page.get_full_url() for page in maps) if url is not None]
    purge(
        pages=[*maps, *profiles, *homes.values()],
        urls=[f"{url}{instance.slug}/" for url in write_ups],
    )


def connect_signals():
    """Called once from RegionsConfig.ready()."""
    published.connect(
        purge_partnership, sender=Partnership, dispatch_uid="cdn-partnership-published"
    )
    unpublished.connect(
        purge_partnership, sender=Partnership, dispatch_uid="cdn-partnership-unpublished"
    )
