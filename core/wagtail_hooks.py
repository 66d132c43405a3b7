"""Admin wiring of the core: the contact person snippet."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "Contactpersonen"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation", "email"]
    search_fields = ["name", "organisation", "role"]


register_snippet(PersonViewSet)
