from .pages import NetworkMapPage
from .partnership import Conversation, Partner, Partnership
from .taxonomy import EducationLevel, FundingSource, Province, Region, Sector, Theme

__all__ = [
    "Conversation",
    "EducationLevel",
    "FundingSource",
    "NetworkMapPage",
    "Partner",
    "Partnership",
    "Province",
    "Region",
    "Sector",
    "Theme",
]
