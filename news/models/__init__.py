from .pages import NewsIndexPage, NewsPage
from .relations import NewsPagePartnership, NewsPageTag

__all__ = ["NewsIndexPage", "NewsPage", "NewsPagePartnership", "NewsPageTag"]
