from .pages import CaseIndexPage, CasePage, GoalPage
from .targets import GoalTarget

__all__ = ["CaseIndexPage", "CasePage", "GoalPage", "GoalTarget"]
