from .pages import EventIndexPage, EventPage
from .registrations import Registration
from .relations import EventPageGoal, EventPagePartnership

__all__ = ["EventIndexPage", "EventPage", "EventPageGoal", "EventPagePartnership", "Registration"]
