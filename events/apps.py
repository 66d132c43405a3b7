from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Regional meetings ("bijeenkomsten"): the agenda, the event pages, registration with a
    seat limit and a waiting list, calendar files and the report afterwards."""

    default_auto_field = "django.db.models.BigAutoField"
    # Saving one of its rows may change a public page: the page cache starts afresh.
    shows_public_content = True
    name = "events"
    verbose_name = "Bijeenkomsten"

    def ready(self):
        from events.models import EventPage
        from events.models.pages import upcoming_first
        from regions import related

        # A region profile and a partnership's write-up list the upcoming meetings about them.
        related.register(
            "events",
            EventPage,
            region="region",
            partnership="related_partnerships__partnership",
            arrange=upcoming_first,
        )
