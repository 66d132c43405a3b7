"""Admin wiring of the events section: the registrations per meeting, with export.

Registrations are personal data: only editors with permission on them see them (Wagtail's
snippet permissions), filtered per meeting, and exported through the core's formula-safe
spreadsheet export.
"""

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from core.spreadsheet import SafeSpreadsheetExportMixin
from events.models import Registration


class RegistrationIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The registrations listing; its CSV and XLSX exports cannot carry a formula."""


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "group"
    menu_label = "Aanmeldingen"
    menu_order = 310
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    list_display = [
        "name",
        "organisation",
        "email",
        Column("event", label="Bijeenkomst", sort_key="event__start"),
        Column("get_state_display", label="Status", sort_key="state"),
        DateColumn("created_at", label="Aangemeld op", sort_key="created_at"),
    ]
    # Filter on one meeting to see and export its list.
    list_filter = ["event", "state"]
    list_per_page = 100
    list_export = [
        "event.title",
        "name",
        "email",
        "organisation",
        "role",
        "get_state_display",
        "created_at",
        "confirmed_at",
    ]
    export_headings = {
        "event.title": "Bijeenkomst",
        "name": "Naam",
        "email": "E-mailadres",
        "organisation": "Organisatie",
        "role": "Functie",
        "get_state_display": "Status",
        "created_at": "Aangemeld op",
        "confirmed_at": "Bevestigd op",
    }
    export_filename = "aanmeldingen"


register_snippet(RegistrationViewSet)
