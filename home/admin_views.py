"""Admin views of the site core: the contact form's submissions.

Imported by ``ContactPage.get_submissions_list_view_class`` when the view is needed, as
Wagtail imports its own: Wagtail's form views import the form models at module level.
"""

from wagtail.contrib.forms.views import SubmissionsListView

from core.spreadsheet import SafeSpreadsheetExportMixin


class ContactSubmissionsListView(SafeSpreadsheetExportMixin, SubmissionsListView):
    """Formulieren → a contact page: visitors' answers, exported without formulas.

    A visitor may type ``=HYPERLINK(…)`` into the form; the editor who opens the CSV or
    XLSX export must see that text, not a link that a spreadsheet program runs.
    """
