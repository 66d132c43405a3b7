"""The query count of a page as a visitor's second request sees it (for pinned budgets)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def measure(client, url):
    """Queries of a GET of ``url`` after one warm-up request; the answer must be a 200."""
    client.get(url)  # warm Wagtail's per-process caches and image renditions
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)
