"""Middleware that adds the site's security headers; the policies live in home/security.py."""

from csp.middleware import CSPMiddleware
from django.conf import settings

from home.security import directives_for


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
