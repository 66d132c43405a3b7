"""Building blocks of the demo content and the load-test data that every section uses."""


def ensure_page(parent, factory, *, publish=False, **fields):
    """The site's page of ``factory``'s model, made under ``parent`` with ``fields`` if missing.

    For the pages a site has once (an index, the map). The demo content publishes
    through a revision, as an editor would (``publish=True``); the load-test data adds the
    page live without one, which is faster.
    """
    page = factory._meta.model.objects.first()
    if page is None:
        page = factory(parent=parent, **fields)
        if publish:
            page.save_revision().publish()
    return page
