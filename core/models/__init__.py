from .articles import ArticlePage
from .documents import AccessibleDocument
from .mixins import BasePage, IntroMixin, ListingMixin, PlacedByParentMixin, SocialMixin
from .site_settings import SiteSettings
from .snippets import Person

__all__ = [
    "AccessibleDocument",
    "ArticlePage",
    "BasePage",
    "IntroMixin",
    "ListingMixin",
    "Person",
    "PlacedByParentMixin",
    "SiteSettings",
    "SocialMixin",
]
