from .contact import ContactFormField, ContactPage
from .documents import AccessibleDocument
from .goals import GoalPage, GoalTarget
from .mixins import BasePage, IntroMixin, ListingMixin, SocialMixin
from .pages import HomePage, ProgrammePage
from .site_settings import SiteSettings
from .snippets import Person

__all__ = [
    "BasePage",
    "AccessibleDocument",
    "ContactFormField",
    "ContactPage",
    "GoalPage",
    "GoalTarget",
    "HomePage",
    "IntroMixin",
    "ListingMixin",
    "Person",
    "ProgrammePage",
    "SiteSettings",
    "SocialMixin",
]
