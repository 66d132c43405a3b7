"""Demo content of the regional network, loaded by `manage.py load_demo_content`."""

from . import map_page, partnerships


def load(stdout):
    partnerships.load(stdout)
    map_page.load(stdout)
