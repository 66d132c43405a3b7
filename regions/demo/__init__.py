"""Demo content of the regional network, loaded by `manage.py load_demo_content`."""

from . import map_page, partnerships, profiles


def load(stdout):
    partnerships.load(stdout)
    map_page.load(stdout)
    profiles.load(stdout)
