"""Middleware: the site's security headers (policies in core/security.py) and compression."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.gzip import GZipMiddleware

from core.security import directives_for


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with a policy per area: strict public site, looser admin.

    A view that sets its own policy with django-csp's decorators (``@csp``,
    ``@csp_update``, ``@csp_replace``, ``@csp_exempt``) still gets exactly that.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None:
            parts.config = directives_for(request, response)
        return parts


class PermissionsPolicyMiddleware:
    """Send ``settings.PERMISSIONS_POLICY``: browser features no page of this site uses."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


# Text the site itself generates; binary files are compressed already, and documents are
# streamed (and are files editors uploaded, whose size the site does not control).
COMPRESSIBLE_CONTENT_TYPES = (
    "text/",
    "application/json",
    "application/geo+json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
)


class CompressTextMiddleware(GZipMiddleware):
    """Django's gzip, with its BREACH padding, for the site's own text responses only.

    It sits inside the page cache (cms/settings/base.py), so a page is compressed once,
    when it is stored, and served compressed from then on; the page cache keys on whether
    the client accepts gzip. The open data files shrink about tenfold.
    """

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if response.streaming or not content_type.startswith(COMPRESSIBLE_CONTENT_TYPES):
            return response
        return super().process_response(request, response)
