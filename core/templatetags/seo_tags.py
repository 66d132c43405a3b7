"""Template tags for search engines and sharing: description, canonical URL, Open Graph,
Twitter card and schema.org JSON-LD (Organization, articles, breadcrumbs).

``core`` may not import the apps above it, so page types are told apart by what they say
about themselves (``share_as``, see ``core.models.BasePage``) and their fields (a ``date``,
a ``main_image``), never by class or model label. Images are loaded by id
in one query and remembered on the request, so the meta tags and the JSON-LD of one page
share them; renditions come from Wagtail's rendition cache when it is warm.
"""

import datetime
import json
import re
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from django import template
from django.core.paginator import Page as PaginatorPage
from django.core.serializers.json import DjangoJSONEncoder
from django.template.defaultfilters import truncatechars
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page, Site

from core.models import SiteSettings

register = template.Library()

SHARE_IMAGE_FILTER = "fill-1200x630"
LOGO_FILTER = "max-512x512"
# The logo as the last share image: uncropped, as a partnership's logo is shared.
LOGO_SHARE_FILTER = "max-1200x630"
# Dates in structured data carry a time and the zone the programme works in, whatever zone
# a request may have activated: a Dutch date is a day in Amsterdam.
SITE_ZONE = ZoneInfo("Europe/Amsterdam")
DESCRIPTION_LENGTH = 160
# Page fields that may hold the share image, most specific first.
IMAGE_FIELDS = ("social_image", "listing_image", "main_image")
# Like Django's json_script: text inside a <script> element can never close it.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
X_HANDLE = re.compile(r"^/@?([A-Za-z0-9_]{1,15})/?$")
# Marks an argument that was not passed (``image=None`` means "this subject has no image").
UNSET = object()


def _cache(request):
    """A per-request store for loaded images and renditions; a fresh one without a request."""
    if request is None:
        return {}
    if not hasattr(request, "seo_cache"):
        request.seo_cache = {}
    return request.seo_cache


def _site_settings(request):
    return SiteSettings.for_request(request) if request is not None else None


def absolute_url(request, url):
    """``url`` made absolute against the request's Wagtail site, as page URLs and the sitemap are."""
    if not url or urlsplit(url).scheme:
        return url
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        return urljoin(site.root_url + "/", url)
    return request.build_absolute_uri(url) if request is not None else url


def _load_images(request, ids):
    """The images with these ids, in one query for all not yet loaded in this request."""
    store = _cache(request).setdefault("images", {})
    missing = {pk for pk in ids if pk and pk not in store}
    if missing:
        store.update(get_image_model().objects.in_bulk(missing))
    return store


def _page_image(request, page, site_settings):
    """The page's own share image: its share image, else its listing image, else its main image."""
    if page is None:
        return None
    for field in IMAGE_FIELDS:
        image_id = getattr(page, f"{field}_id", None)
        if image_id:
            # Already loaded with the page (select_related) costs nothing.
            if page._meta.get_field(field).is_cached(page):
                return getattr(page, field)
            # The logo comes along in the same query: this page's JSON-LD may need it.
            return _load_images(request, [image_id, _logo_id(site_settings)]).get(image_id)
    return None


def _default_image(request, site_settings):
    default_id = site_settings.default_social_image_id if site_settings else None
    if not default_id:
        return None
    return _load_images(request, [default_id, _logo_id(site_settings)]).get(default_id)


def _logo_id(site_settings):
    return site_settings.logo_id if site_settings else None


def _logo(request, site_settings):
    logo_id = _logo_id(site_settings)
    if not logo_id:
        return None
    return _load_images(request, [logo_id]).get(logo_id)


def share_image(request, page, site_settings, image=UNSET, image_filter=SHARE_IMAGE_FILTER):
    """The share image's rendition: ``image`` if passed (in ``image_filter``), else the
    page's own; else the site's default image; else the site's logo (uncropped); None
    when there is none of these.
    """
    if image is UNSET:
        image, image_filter = _page_image(request, page, site_settings), SHARE_IMAGE_FILTER
    rendition = _rendition(request, image, image_filter)
    if rendition is None:
        rendition = _rendition(request, _default_image(request, site_settings), SHARE_IMAGE_FILTER)
    if rendition is None:
        rendition = _rendition(request, _logo(request, site_settings), LOGO_SHARE_FILTER)
    return rendition


def _rendition(request, image, spec):
    """``{"url", "width", "height", "alt"}`` of a rendition with an absolute URL, or None."""
    if image is None:
        return None
    store = _cache(request).setdefault("renditions", {})
    key = (image.pk, spec)
    if key not in store:
        try:
            rendition = image.get_rendition(spec)
        except SourceImageIOError:
            # The file is gone from storage: share without an image rather than fail the page.
            store[key] = None
        else:
            store[key] = {
                "url": absolute_url(request, rendition.url),
                "width": str(rendition.width),
                "height": str(rendition.height),
                "alt": image.default_alt_text,
            }
    return store[key]


def _page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def page_title(page):
    """What search engines and shares show as the title: the SEO title, else the title."""
    if page is None:
        return ""
    return page.seo_title or page.title


def page_description(page, site_settings=None):
    """The search description, else the intro, else the listing summary, else the tagline."""
    text = ""
    if page is not None:
        text = (
            page.search_description
            or getattr(page, "intro", "")
            or getattr(page, "listing_summary", "")
        )
    if not text and site_settings is not None:
        text = site_settings.tagline
    return shorten(text)


def shorten(text):
    """One line of at most DESCRIPTION_LENGTH characters, as search engines show it."""
    return truncatechars(" ".join(str(text).split()), DESCRIPTION_LENGTH)


def canonical_url(context, page):
    """The page's absolute URL without filters; page 2 and on of a plain list keep ``?page=``.

    A filtered list points to the unfiltered list: filter combinations are endless and
    each one's content is on the unfiltered list too.
    """
    request = context.get("request")
    url = page.get_full_url(request)
    results = context.get("results")
    if url and request is not None and isinstance(results, PaginatorPage) and results.number > 1:
        filtered = any(value for key, value in request.GET.items() if key != "page")
        if not filtered:
            url += f"?page={results.number}"
    return url


def twitter_handle(x_url):
    """``@name`` from a link to an X profile, or "" when the link is something else."""
    parts = urlsplit(x_url or "")
    if parts.hostname not in {"x.com", "www.x.com", "twitter.com", "www.twitter.com"}:
        return ""
    match = X_HANDLE.match(parts.path)
    return f"@{match.group(1)}" if match else ""


@register.simple_tag(takes_context=True)
def seo_title(context):
    """``{% seo_title %}``: the current page's title for the ``<title>`` element."""
    return page_title(_page(context))


@register.simple_tag(takes_context=True)
def description_meta(context, text=None):
    """``{% description_meta %}``: ``<meta name="description">`` of the page, or of ``text``."""
    request = context.get("request")
    if text is None:
        description = page_description(_page(context), _site_settings(request))
    else:
        description = shorten(text)
    if not description:
        return ""
    return format_html('<meta name="description" content="{}">', description)


@register.inclusion_tag("components/meta.html", takes_context=True)
def seo_meta(
    context,
    title=None,
    description=None,
    url=None,
    image=UNSET,
    image_filter=SHARE_IMAGE_FILTER,
    og_type=None,
):
    """``{% seo_meta %}``: canonical link, Open Graph and Twitter card tags of the page.

    A view that shows something other than its page (a partnership's write-up) passes
    ``title``, ``description``, ``url`` (relative or absolute) and ``image`` (may be None:
    then the site's default share image).
    """
    request = context.get("request")
    page = _page(context)
    site_settings = _site_settings(request)
    site_name = site_settings.organisation_name if site_settings else ""
    if title is None:
        title = page_title(page) or site_name
    if description is None:
        description = page_description(page, site_settings)
    else:
        description = shorten(description)
    if url is None:
        canonical = canonical_url(context, page) if page is not None else ""
    else:
        canonical = absolute_url(request, url)
    if og_type is None:
        # Wagtail's own page types (the tree root) have no share_as: a website.
        og_type = getattr(page, "share_as", "website") if page is not None else "website"
    rendition = share_image(request, page, site_settings, image, image_filter)
    return {
        "title": title,
        "description": description,
        "canonical": canonical,
        "og_type": og_type,
        "site_name": site_name,
        "image": rendition,
        "card": "summary_large_image" if rendition else "summary",
        "twitter_site": twitter_handle(site_settings.x_url if site_settings else ""),
    }


def add_description_and_image(data, request, page, site_settings):
    """Add a page's description and share image to its JSON-LD ``data``, where it has them."""
    description = page_description(page)
    if description:
        data["description"] = description
    image = share_image(request, page, site_settings)
    if image:
        data["image"] = [image["url"]]


def json_ld(data):
    """A ``<script type="application/ld+json">`` data block; JSON from json.dumps, escaped."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308  # nosec B308 B703  # escaped above
    )


def image_object(request, image, spec=LOGO_FILTER):
    """A schema.org ImageObject of an image's rendition (absolute URL), or None."""
    rendition = _rendition(request, image, spec)
    if rendition is None:
        return None
    return {
        "@type": "ImageObject",
        "url": rendition["url"],
        "width": int(rendition["width"]),
        "height": int(rendition["height"]),
    }


def publisher(request):
    """The site's organisation as a schema.org Organization, for the ``publisher`` of a page
    of another app; None without site settings."""
    site_settings = _site_settings(request)
    return _organization(request, site_settings) if site_settings is not None else None


def iso_datetime(value):
    """ISO 8601 with time and UTC offset in Amsterdam: a datetime as it was there, a date
    as the start of that day there (2024-03-05T00:00:00+01:00); None stays None."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.astimezone(SITE_ZONE).isoformat()
    return datetime.datetime.combine(value, datetime.time(), tzinfo=SITE_ZONE).isoformat()


def _organization(request, site_settings, contact=False):
    """The publishing organisation as a schema.org Organization; ``contact`` adds how to
    reach it (on the home page, which describes the organisation itself)."""
    data = {
        "@type": "Organization",
        "name": site_settings.organisation_name,
        "url": absolute_url(request, "/"),
    }
    logo = image_object(request, _logo(request, site_settings))
    if logo:
        data["logo"] = logo
    if contact and site_settings.contact_email:
        data["contactPoint"] = {
            "@type": "ContactPoint",
            "contactType": "customer support",
            "email": site_settings.contact_email,
            "availableLanguage": "nl",
        }
    same_as = [link for link in (site_settings.linkedin_url, site_settings.x_url) if link]
    if same_as:
        data["sameAs"] = same_as
    return data


@register.simple_tag(takes_context=True)
def organization_schema(context):
    """``{% organization_schema %}``: JSON-LD Organization (name, url, logo, contact point,
    social profiles)."""
    request = context.get("request")
    site_settings = _site_settings(request)
    if site_settings is None:
        return ""
    organization = _organization(request, site_settings, contact=True)
    return json_ld({"@context": "https://schema.org", **organization})


def article_dates(page):
    """(published, modified) of an article page as ISO 8601 in Amsterdam, or None.

    A page with its own ``date`` (a news item) is published on that day: at the moment it
    was first published if that was on the day, else at the start of the day. Other pages
    (a case) at their first publication. Modified when last published, never before the
    publication (an editor may date an item ahead).
    """
    first = page.first_published_at
    date = getattr(page, "date", None)
    first_day = first.astimezone(SITE_ZONE).date() if first else None
    published = first
    if date is not None and date != first_day:
        published = datetime.datetime.combine(date, datetime.time(), tzinfo=SITE_ZONE)
    modified = page.last_published_at
    if published is None or modified is None or modified < published:
        modified = published
    return iso_datetime(published), iso_datetime(modified)


@register.simple_tag(takes_context=True)
def article_schema(context, page):
    """``{% article_schema page %}``: JSON-LD NewsArticle of a news item, Article of a case.

    Written and published by the programme's organisation; the dates as ``article_dates``.
    """
    request = context.get("request")
    site_settings = _site_settings(request)
    if site_settings is None:
        return ""
    organization = _organization(request, site_settings)
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": getattr(page, "schema_article_type", "Article"),
        "headline": page_title(page),
        "inLanguage": "nl-NL",
        "url": url,
        "mainEntityOfPage": url,
        "author": organization,
        "publisher": organization,
    }
    published, modified = article_dates(page)
    if published:
        data["datePublished"], data["dateModified"] = published, modified
    add_description_and_image(data, request, page, site_settings)
    return json_ld(data)


def breadcrumb_list(request, trail):
    """JSON-LD BreadcrumbList of the trail a page shows: ``(name, url)`` pairs from the home
    page to the page itself, URLs made absolute."""
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "name": name,
                    "item": absolute_url(request, url),
                }
                for position, (name, url) in enumerate(trail, start=1)
            ],
        }
    )
