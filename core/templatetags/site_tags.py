"""Template tags for the site frame: main menu, breadcrumbs, footer links, Dutch dates and
filter options."""

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from core.templatetags.seo_tags import breadcrumb_list

register = template.Library()


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    current = context.get("page")
    site = Site.find_for_request(request)
    items = []
    if site:
        items = list(
            site.root_page.get_children().live().public().in_menu().only("title", "url_path")
        )
    current_path = current.url_path if current else ""
    for item in items:
        item.is_current = bool(current_path) and current_path.startswith(item.url_path)
    return {"items": items, "request": request}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, parent=None, current=None, current_url=None):
    """``{% breadcrumbs %}``: the trail from the home page to the page, shown and as JSON-LD.

    A view that shows something below its page (a partnership's write-up below the map)
    passes ``parent`` (the page it sits below), ``current`` (its name) and ``current_url``.
    The home page itself has no trail.
    """
    request = context.get("request")
    page = parent if current is not None else context.get("page")
    if page is None or (current is None and page.depth <= 2):
        return {"trail": []}
    # depth 1 is Wagtail's invisible root; depth 2 is the home page. One query.
    ancestors = Page.objects.ancestor_of(page, inclusive=current is not None)
    trail = [
        ("Home" if ancestor.depth == 2 else ancestor.title, ancestor.get_url(request))
        for ancestor in ancestors.filter(depth__gte=2).order_by("depth")
    ]
    if current is None:
        trail.append((page.title, page.get_url(request)))
    else:
        trail.append((current, current_url))
    return {"trail": trail, "schema": breadcrumb_list(request, trail) if request else ""}


# The statements a Dutch public site links from every page, in the footer's order.
STATEMENTS = [
    ("privacy_statement_page_id", "Privacyverklaring"),
    ("cookie_statement_page_id", "Cookieverklaring"),
    ("accessibility_statement_page_id", "Toegankelijkheidsverklaring"),
]


@register.simple_tag(takes_context=True)
def statement_links(context, site_settings):
    """``{% statement_links site_settings as links %}``: (label, url) of each statement page
    chosen in the site settings that is live, in one query for all of them."""
    chosen = [(getattr(site_settings, field), label) for field, label in STATEMENTS]
    ids = [page_id for page_id, _label in chosen if page_id]
    if not ids:
        return []
    pages = Page.objects.live().filter(pk__in=ids).only("url_path", "depth", "path")
    by_id = {page.pk: page for page in pages}
    request = context.get("request")
    return [(label, by_id[pk].get_url(request)) for pk, label in chosen if pk in by_id]


@register.filter
def any_inaccessible(documents):
    """True when at least one download in the list is not digitally accessible."""
    return any(not getattr(document, "is_accessible", True) for document in documents)


@register.filter
def thousands(value):
    """A whole number with Dutch thousand separators: 4000 becomes 4.000."""
    return number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)


@register.simple_tag
def filter_control(field):
    """``{% filter_control field %}``: a filter form's field, a select drawn directly.

    The same markup as Django's Select widget, without its template per option: the
    filter forms of the map, news and cases have about 70 options, and rendering them
    through the widget was a quarter of the map page's time. Other fields render as usual.
    """
    if field.widget_type != "select":
        return field.as_widget()
    return format_html(
        '<select name="{}" id="{}">{}</select>',
        field.html_name,
        field.id_for_label,
        select_options(field),
    )


def select_options(field):
    """The ``<option>`` elements of a bound select field, the chosen one marked."""
    value = field.value()
    chosen = {
        "" if item is None else str(item)
        for item in (value if isinstance(value, (list, tuple)) else [value])
    }
    selected = mark_safe(" selected")  # noqa: S308  # nosec B308  # a constant
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (key, selected if str(key) in chosen else "", label)
            for key, label in field.field.choices
        ),
    )
