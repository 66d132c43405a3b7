"""Site-wide views that are not pages: search, the sitemap for people, and robots.txt."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from wagtail import hooks
from wagtail.models import Page, Site

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


def page_tree(request, site):
    """The site's live, public pages as nested ``{"title", "url", "children", "items"}``
    nodes in tree order, from two queries whatever the number of pages.

    A page whose parent is not shown (a draft) hangs below its nearest shown ancestor.
    """
    pages = (
        site.root_page.get_descendants(inclusive=True)
        .live()
        .public()
        .order_by("path")
        .only("title", "url_path", "depth", "path")
    )
    roots, branch, by_id = [], [], {}
    for page in pages:
        title = "Home" if page.pk == site.root_page_id else page.title
        node = {"title": title, "url": page.get_url(request), "children": [], "items": []}
        by_id[page.pk] = node
        while branch and branch[-1][0] >= page.depth:
            branch.pop()
        (branch[-1][1]["children"] if branch else roots).append(node)
        branch.append((page.depth, node))
    return roots, by_id


def html_sitemap(request):
    """``/sitemap/``: every page of the site as a nested list, for people (the XML sitemap
    is for search engines).

    Sections that show things below a page (regions: the partnerships' write-ups below the
    network map) add them through the ``html_sitemap_items`` hook, so the site core needs
    no import of them. A hook returns ``{"page_id", "heading", "items": [(title, url)]}``
    or None.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("Geen website op dit adres.")
    roots, by_id = page_tree(request, site)
    for hook in hooks.get_hooks("html_sitemap_items"):
        section = hook(request, site)
        if section and section["items"] and section["page_id"] in by_id:
            by_id[section["page_id"]]["items"].append(section)
    return render(request, "home/sitemap.html", {"tree": roots})


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /zoeken/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
