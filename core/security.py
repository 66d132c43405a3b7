"""The site's security headers and the admin login lockout page.

Content-Security-Policy (django-csp): ``settings.CONTENT_SECURITY_POLICY`` is the strict
public policy and ``settings.CONTENT_SECURITY_POLICY_ADMIN`` the looser one the Wagtail
admin needs (it still renders inline scripts and styles). Per request,
``core.middleware.ContentSecurityPolicyMiddleware`` picks one, adds the map tile host
(``settings.MAP_TILE_URL``), the media host (``settings.MEDIA_ORIGIN``) and, on public
HTML pages only, the analytics script's origin once an editor sets
``SiteSettings.analytics_script_url`` (for Google Analytics 4 also the hosts it reports to). Previews in the admin get the public policy,
framed by the admin only.
"""

import math
from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import render

ADMIN_PREFIX = "/admin/"
# Only these responses can load the analytics script; other responses (files, feeds,
# JSON) skip the site-settings lookup.
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Services whose script, loaded from the origin an editor set, reports to other hosts. Google
# Analytics 4 (gtag.js from www.googletagmanager.com) sends its hits to these; the list is the
# one in Google's guide "Use Tag Manager with a Content Security Policy" for GA4.
ANALYTICS_REPORTING_SOURCES = {
    "https://www.googletagmanager.com": {
        "script-src": ["https://*.googletagmanager.com"],
        "connect-src": [
            "https://*.google-analytics.com",
            "https://*.analytics.google.com",
            "https://*.googletagmanager.com",
        ],
        "img-src": ["https://*.google-analytics.com", "https://*.googletagmanager.com"],
    },
}


def origin_of(url):
    """``https://host[:port]`` of a URL for a CSP source list, or "" when it has none.

    Leaflet's ``{s}`` subdomain placeholder becomes a ``*.`` wildcard, which CSP allows
    as the leftmost label.
    """
    url = (url or "").strip().replace("{s}.", "a-subdomain-placeholder.")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    host = parts.hostname.replace("a-subdomain-placeholder.", "*.")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "")


def analytics_origin(request):
    """The origin of the editor-configured analytics script, or "" when none is set."""
    from core.models import SiteSettings

    # Wagtail caches the settings on the request; page templates have read them already.
    return origin_of(SiteSettings.for_request(request).analytics_script_url)


def directives_for(request, response):
    """The CSP directives (a fresh dict of lists) for this request and response."""
    is_admin = request.path_info.startswith(ADMIN_PREFIX)
    policy = (
        settings.CONTENT_SECURITY_POLICY_ADMIN if is_admin else settings.CONTENT_SECURITY_POLICY
    )
    directives = {name: list(sources) for name, sources in policy["DIRECTIVES"].items()}
    # Wagtail renders a preview through the middleware again with a request for the
    # page's own URL: the public policy, so editors see what visitors get, framed by
    # the admin's preview panel and without statistics.
    is_preview = getattr(request, "is_preview", False)
    if is_preview:
        directives["frame-ancestors"] = ["'self'"]
    # Images come from the map tile host and, when media live elsewhere, the media host.
    extra = {"img-src": [origin_of(settings.MAP_TILE_URL), getattr(settings, "MEDIA_ORIGIN", None)]}
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    if not (is_admin or is_preview) and content_type in HTML_TYPES:
        origin = analytics_origin(request)
        for name in ("script-src", "connect-src", "img-src"):
            extra.setdefault(name, []).append(origin)
        for name, sources in ANALYTICS_REPORTING_SOURCES.get(origin, {}).items():
            extra[name].extend(sources)
    for name, sources in extra.items():
        # A directive the policy leaves out falls back to default-src; keep that when adding.
        current = directives.setdefault(name, list(directives.get("default-src", [])))
        for source in sources:
            if source and source not in current:
                current.append(source)
    return directives


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer once a login is locked: a Dutch page, 429 and Retry-After."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = render(
        request,
        "lockout.html",
        {"cooloff_minutes": max(1, math.ceil(seconds / 60))},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(seconds)
    return response
