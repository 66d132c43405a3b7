"""``{% cached_frame %}``: the site header and footer, rendered once per content generation.

Usage in templates/base.html::

    {% cached_frame "header" per_section %}{% include "components/header.html" %}{% endcached_frame %}
    {% cached_frame "footer" %}{% include "components/footer.html" %}{% endcached_frame %}

The key holds the content generation (core/pagecache.py) and the site, so a publish,
move or settings change shows at once. ``per_section`` adds the top-level section of the
current page, because the main menu marks that section as current. Nothing that differs
per visitor or per request (a CSRF token, ``request.path``) may go inside a frame.
"""

from django import template
from django.conf import settings

from core.pagecache import cache_get, cache_set, fragment_key

register = template.Library()


class CachedFrameNode(template.Node):
    def __init__(self, name, per_section, nodelist):
        self.name = name
        self.per_section = per_section
        self.nodelist = nodelist

    def render(self, context):
        seconds = settings.FRAGMENT_CACHE_SECONDS
        request = context.get("request")
        if not seconds or request is None:
            return self.nodelist.render(context)
        key = fragment_key(request, self.name, context.get("page"), self.per_section)
        html = cache_get(key) if key else None
        if html is None:
            html = self.nodelist.render(context)
            if key:
                cache_set(key, html, seconds)
        return html


@register.tag
def cached_frame(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3) or (len(bits) == 3 and bits[2] != "per_section"):
        raise template.TemplateSyntaxError(
            f'Usage: {{% {bits[0]} "name" [per_section] %}}…{{% end{bits[0]} %}}'
        )
    name = bits[1].strip("\"'")
    nodelist = parser.parse(("endcached_frame",))
    parser.delete_first_token()
    return CachedFrameNode(name, len(bits) == 3, nodelist)
