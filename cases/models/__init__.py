from .pages import CaseIndexPage, CasePage

__all__ = ["CaseIndexPage", "CasePage"]
