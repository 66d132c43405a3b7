from .insight import CheckReminder, OverlapDismissal, PartnershipCheck, ReminderOptOut
from .monitor_page import NetworkMonitorPage
from .pages import NetworkMapPage
from .partnership import Conversation, Partner, Partnership
from .profiles import RegionDownload, RegionFigure, RegionIndexPage, RegionProfilePage
from .proposal import PartnershipProposal
from .taxonomy import EducationLevel, FundingSource, Province, Region, Sector, Theme

__all__ = [
    "CheckReminder",
    "OverlapDismissal",
    "PartnershipCheck",
    "ReminderOptOut",
    "Conversation",
    "EducationLevel",
    "FundingSource",
    "NetworkMapPage",
    "NetworkMonitorPage",
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
