from django.apps import AppConfig


class NewsConfig(AppConfig):
    """News: the news index and news items."""

    default_auto_field = "django.db.models.BigAutoField"
    # Saving one of its rows may change a public page: the page cache starts afresh.
    shows_public_content = True
    name = "news"
    verbose_name = "Nieuws"

    def ready(self):
        from news.models import NewsPage
        from regions import related

        # A region profile lists the news about its region.
        related.register("news", NewsPage, region="regions")
