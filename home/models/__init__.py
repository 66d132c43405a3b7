from .documents import AccessibleDocument
from .mixins import BasePage, IntroMixin, ListingMixin
from .pages import HomePage, ProgrammePage
from .site_settings import SiteSettings
from .snippets import Person

__all__ = [
    "BasePage",
    "AccessibleDocument",
    "HomePage",
    "IntroMixin",
    "ListingMixin",
    "Person",
    "ProgrammePage",
    "SiteSettings",
]
