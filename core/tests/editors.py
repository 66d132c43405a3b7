"""Test helpers: admin clients logged in as a member of one of the editorial groups."""

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse


def client_for(django_user_model, group_name, username=None):
    """A client logged in as a new user in ``group_name`` (the user is ``client.user``)."""
    username = username or group_name.lower()
    user = django_user_model.objects.create_user(username, f"{username}@example.nl")
    user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def assert_refused(response):
    """Wagtail answers a forbidden admin request with a redirect to the dashboard."""
    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("wagtailadmin_home")
