from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The top layer: home, programme and contact pages, site search, the demo and the
    editorial roles. It may import every other app."""

    default_auto_field = "django.db.models.BigAutoField"
    # Saving one of its rows may change a public page: the page cache starts afresh.
    shows_public_content = True
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from cases.models import GoalPage
        from events.models.relations import GOAL_PAGE_TYPES
        from home import roles

        roles.connect_signals()
        # A meeting names the goals it serves; the goals live in cases, beside events.
        if GoalPage not in GOAL_PAGE_TYPES:
            GOAL_PAGE_TYPES.append(GoalPage)
