from .pages import NetworkMapPage
from .partnership import Conversation, Partner, Partnership
from .profiles import RegionDownload, RegionFigure, RegionIndexPage, RegionProfilePage
from .proposal import PartnershipProposal
from .taxonomy import EducationLevel, FundingSource, Province, Region, Sector, Theme

__all__ = [
    "Conversation",
    "EducationLevel",
    "FundingSource",
    "NetworkMapPage",
    "Partner",
    "Partnership",
    "PartnershipProposal",
    "Province",
    "Region",
    "RegionDownload",
    "RegionFigure",
    "RegionIndexPage",
    "RegionProfilePage",
    "Sector",
    "Theme",
]
