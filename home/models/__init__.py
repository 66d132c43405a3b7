from .contact import ContactFormField, ContactPage
from .pages import HomePage, ProgrammePage

__all__ = [
    "ContactFormField",
    "ContactPage",
    "HomePage",
    "ProgrammePage",
]
