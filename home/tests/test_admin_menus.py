"""Every admin menu item and dashboard link a group is shown opens for that group.

A link that answers "Sorry, je hebt geen toegang tot dit gedeelte" is worse than no link:
the editor believes something is broken. So each editorial group walks the whole sidebar
(submenus included) and the dashboard on the demo site, and every link must open.
"""

import pytest
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Workflow

from core.tests.editors import client_for
from home import roles
from home.tests.admin_menu import dashboard_links, refusal, sidebar_links
from news.models import NewsPage
from regions.models import Partnership

GROUPS = [roles.COMMUNICATIE, roles.REDACTIE, roles.MODERATOR]


@pytest.fixture
def in_review(demo_site, django_user_model):
    """A news item and a partnership awaiting review, so the dashboards show their panels.

    Communicatie's dashboard lists what they submitted, the moderator's what awaits them.
    Returns the group name -> client of users in those roles.
    """
    clients = {group: client_for(django_user_model, group) for group in GROUPS}
    writer = clients[roles.COMMUNICATIE].user
    workflow = Workflow.objects.get(name=roles.WORKFLOW)
    item = NewsPage.objects.first()
    item.save_revision(user=writer)
    workflow.start(item, writer)
    partnership = Partnership.objects.first()
    partnership.save_revision(user=writer)
    workflow.start(partnership, writer)
    return clients


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.text


def refused_links(client):
    """Every link of the sidebar and the dashboard, and those that refuse with the reason."""
    html = dashboard(client)
    links = [(" → ".join(labels), url) for labels, url in sidebar_links(html)]
    links += [("dashboard", url) for url in dashboard_links(html)]
    assert links, "the walk found no links at all"
    refused = {}
    for label, url in links:
        reason = refusal(client, url)
        if reason:
            refused[f"{label} ({url})"] = reason
    return links, refused


@pytest.mark.django_db
@pytest.mark.parametrize("group", GROUPS)
def test_every_menu_item_and_dashboard_link_opens(in_review, group):
    links, refused = refused_links(in_review[group])
    assert refused == {}
    # The walk reached the pages explorer, which every group has.
    assert any(url.startswith(reverse("wagtailadmin_explore_root")) for _, url in links), links


@pytest.mark.django_db
def test_the_walk_sees_submenus_and_review_links(in_review):
    """The walk is not vacuous: it reads submenu items and the review panels' links.

    And "Zonder locatie" is offered only to who may open the partnership listing.
    """

    def labels(group):
        return [labels for labels, _ in sidebar_links(dashboard(in_review[group]))]

    assert ("Regionaal netwerk", "Samenwerkingen") in labels(roles.REDACTIE)
    assert ("Regionaal netwerk", "Zonder locatie") in labels(roles.REDACTIE)
    assert ("Regionaal netwerk", "Zonder locatie") not in labels(roles.COMMUNICATIE)
    assert ("Regionaal netwerk", "Zonder locatie") not in labels(roles.MODERATOR)
    # "Netwerk bijhouden" (the upkeep report) only for who may change partnerships.
    assert ("Regionaal netwerk", "Netwerk bijhouden") in labels(roles.REDACTIE)
    assert ("Regionaal netwerk", "Netwerk bijhouden") not in labels(roles.COMMUNICATIE)
    assert ("Regionaal netwerk", "Netwerk bijhouden") not in labels(roles.MODERATOR)
    review_links = dashboard_links(dashboard(in_review[roles.MODERATOR]))
    item = NewsPage.objects.first()
    assert reverse("wagtailadmin_pages:edit", args=[item.pk]) in review_links
    partnership = Partnership.objects.first()
    compare = reverse(
        "wagtailsnippets_regions_partnership:revisions_compare",
        args=[partnership.pk, "live", partnership.latest_revision_id],
    )
    assert compare in review_links


@pytest.mark.django_db
def test_the_walk_catches_a_menu_item_that_refuses(in_review):
    """Positive control: a menu item leading to a view the group may not open is reported."""
    users = reverse("wagtailusers_users:index")

    def add_users_item(request, items):
        items.append(MenuItem("Gebruikers", users, order=1))

    with hooks.register_temporarily("construct_main_menu", add_users_item):
        _, refused = refused_links(in_review[roles.COMMUNICATIE])
    assert refused == {f"Gebruikers ({users})": "permission error"}
