"""Demo content of the regional network, loaded by `manage.py load_demo_content`."""

from . import map_page, partnerships, profiles, proposals


def load(stdout, home):
    """``home``: the page the map and the region index go under (``home.demo``)."""
    partnerships.load(stdout)
    map_page.load(stdout, home)
    profiles.load(stdout, home)
    proposals.load(stdout)
