"""Test helpers: the links an admin user is offered in the sidebar menu and on the dashboard.

The sidebar is not HTML: Wagtail renders it as telepath-packed JSON in the
``wagtail-sidebar-props`` script, which the browser unpacks. The helpers below read that
JSON as the browser would, so a test sees exactly the menu items (and submenu items) this
user is shown.
"""

import json

from bs4 import BeautifulSoup
from django.urls import reverse

# Wagtail's own message when it refuses an admin view (wagtail.admin.auth.permission_denied).
REFUSAL = "je hebt geen toegang"


def _unpack(node, seen):
    """Undo telepath's packing: resolve ``_ref``s and drop the ``_type``/``_id`` envelope."""
    if isinstance(node, list):
        return [_unpack(item, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if "_ref" in node:
        return seen[node["_ref"]]
    if "_val" in node:
        value = node["_val"]
    elif "_list" in node:
        value = [_unpack(item, seen) for item in node["_list"]]
    elif "_dict" in node:
        value = {key: _unpack(item, seen) for key, item in node["_dict"].items()}
    elif "_type" in node:
        value = {"type": node["_type"], "args": _unpack(node.get("_args", []), seen)}
    else:
        value = {key: _unpack(item, seen) for key, item in node.items()}
    if "_id" in node:
        seen[node["_id"]] = value
    return value


def _link_items(node, path=()):
    """Yield ``(labels, url)`` for every link menu item below ``node``, submenus included."""
    if isinstance(node, list):
        for item in node:
            yield from _link_items(item, path)
    elif isinstance(node, dict):
        if node.get("type") == "wagtail.sidebar.LinkMenuItem":
            options = node["args"][0]
            yield (*path, options["label"]), options["url"]
        elif node.get("type") == "wagtail.sidebar.PageExplorerMenuItem":
            # "Pagina's" opens the page explorer at the user's start page.
            options, start_page_id = node["args"]
            yield (*path, options["label"]), options["url"]
            yield (*path, options["label"]), reverse("wagtailadmin_explore", args=[start_page_id])
        elif node.get("type") == "wagtail.sidebar.SubMenuItem":
            options = node["args"][0]
            yield from _link_items(node["args"][1], (*path, options["label"]))
        else:
            for value in node.values():
                yield from _link_items(value, path)


def sidebar_links(html):
    """The ``(labels, url)`` of every link in the rendered admin sidebar of a page.

    Only links into this site: Wagtail's "Help" items lead to guide.wagtail.org.
    """
    script = BeautifulSoup(html, "html.parser").find("script", id="wagtail-sidebar-props")
    assert script is not None, "no sidebar on this page"
    modules = _unpack(json.loads(script.string)["modules"], {})
    return [(labels, url) for labels, url in _link_items(modules) if url.startswith("/")]


def dashboard_links(html):
    """The admin URLs that the dashboard's main content links to (not the sidebar)."""
    main = BeautifulSoup(html, "html.parser").find("main")
    assert main is not None, "no main content on this page"
    admin = reverse("wagtailadmin_home")
    return sorted(
        {
            anchor["href"]
            for anchor in main.find_all("a", href=True)
            if anchor["href"].startswith(admin) and anchor["href"] != admin
        }
    )


def refusal(client, url):
    """Why opening ``url`` in the admin is refused, or None when the page opens."""
    response = client.get(url)
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("wagtailadmin_login")):
            return f"redirect to login ({location})"
        response = client.get(location)
    if response.status_code != 200:
        return f"status {response.status_code}"
    if REFUSAL in response.text.lower():
        return "permission error"
    return None
