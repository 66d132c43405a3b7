"""Building blocks of the demo content and the load-test data that every section uses."""


def ensure_page(parent, page_class, *, publish=False, **fields):
    """The site's page of ``page_class``, added under ``parent`` with ``fields`` if missing.

    For the pages a site has once (an index, the map). The demo content publishes
    through a revision, as an editor would (``publish=True``); the load-test data adds the
    page live without one, which is faster.
    """
    page = page_class.objects.first()
    if page is None:
        page = page_class(**fields)
        parent.add_child(instance=page)
        if publish:
            page.save_revision().publish()
    return page
