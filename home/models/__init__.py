from .contact import ContactFormField, ContactPage
from .goals import GoalPage, GoalTarget
from .pages import HomePage, ProgrammePage

__all__ = [
    "ContactFormField",
    "ContactPage",
    "GoalPage",
    "GoalTarget",
    "HomePage",
    "ProgrammePage",
]
