"""One way to list: a page's items narrowed by a public filter set, paginated.

Used by the news index, the case index and the network map (and its open-data files).
"""

from django.core.paginator import Paginator


class FilteredListingMixin:
    """A page that lists items filtered by the visitor's query string, a page at a time.

    A page sets ``filterset_class`` (a ``core.filters.PublicFilterSet``) and ``per_page``,
    and defines ``listing_items()``: everything the list may show. ``arrange_listing()``
    adds the order and the related rows the list draws, after filtering.
    """

    filterset_class = None
    per_page = 20

    def listing_items(self):
        raise NotImplementedError("a listing page says what it lists")

    def arrange_listing(self, queryset):
        return queryset

    def filter_listing(self, request):
        """The filter set bound to the request's query string, over ``listing_items()``."""
        return self.filterset_class(request.GET, queryset=self.listing_items(), request=request)

    def listing_context(self, request):
        """The template context of the list: form, notes, results and query strings."""
        filters = self.filter_listing(request)
        items = self.arrange_listing(filters.qs)
        query = filters.querystring()
        return {
            "form": filters.form,
            "notes": filters.notes,
            "results": Paginator(items, self.per_page).get_page(request.GET.get("page")),
            # The filters, to prefix a page number with in the pagination links...
            "querystring": f"{query}&" if query else "",
            # ...and on their own, for the links to other formats.
            "filter_querystring": query,
        }
