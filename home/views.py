"""Site-wide views that are not pages: search and robots.txt."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from wagtail import hooks
from wagtail.models import Page

from core.ratelimit import over_limit, too_many_requests

SEARCH_RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """``/zoeken/``: full-text search over published, public pages (Dutch stemming)."""
    # Every search is a full-text query; a client over its limit gets the Dutch 429 page.
    if over_limit(request, "search"):
        return too_many_requests(request, "search")
    # NUL bytes cannot reach PostgreSQL; other control characters carry no meaning.
    query = "".join(ch for ch in request.GET.get("q", "") if ch.isprintable()).strip()
    error = ""
    if len(query) > MAX_QUERY_LENGTH:
        error = (
            f"Uw zoekopdracht is te lang; we hebben de eerste {MAX_QUERY_LENGTH} tekens gebruikt."
        )
        query = query[:MAX_QUERY_LENGTH]
    results_page = None
    extra_sections = []
    if query:
        results = Page.objects.live().public().specific().search(query)
        results_page = Paginator(results, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        # Sections (e.g. regions' partnerships) add their own matches through this hook:
        # each section decides what it adds. Each hook returns a dict with
        # "heading", "items" (title, url, summary), and optionally "more_url" / "more_label";
        # or None when it has nothing to add.
        for hook in hooks.get_hooks("site_search_extra_results"):
            section = hook(request, query)
            if section and section["items"]:
                extra_sections.append(section)
    return render(
        request,
        "home/search.html",
        {
            "search_query": query,
            "results": results_page,
            "extra_sections": extra_sections,
            "error": error,
            "querystring": urlencode({"q": query}) + "&",
        },
    )


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /zoeken/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
