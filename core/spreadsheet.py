"""Spreadsheet cells that a spreadsheet program cannot run as formulas (CSV injection).

Every export the site produces goes through :func:`safe_cell` (or :func:`safe_row`): the
public open data ``export.csv`` of the network map and the admin's CSV and XLSX exports
(form submissions, the partnership listing). Their cells hold text that visitors or editors
typed, and Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``,
``-`` or ``@`` as a formula, e.g. ``=HYPERLINK("http://evil.example")``. Such a cell gets a
leading apostrophe (OWASP's advice for CSV injection), in XLSX as well as CSV, so a reader
sees the same text in both and no edit of the cell turns it into a formula.
"""

# Spreadsheet programs run cells that start with these characters as formulas; a leading
# tab or carriage return is dropped on import, so what follows it would run too.
FORMULA_PREFIXES = frozenset("=+-@\t\r")


def safe_cell(value):
    """``value``, with a leading apostrophe when it is text that would run as a formula.

    Numbers, dates, booleans and None are returned as they are: only text can be a formula.
    """
    if isinstance(value, str) and value[:1] in FORMULA_PREFIXES:
        return f"'{value}"
    return value


def safe_row(cells):
    """The cells of one row, each through :func:`safe_cell`."""
    return [safe_cell(cell) for cell in cells]


class SafeSpreadsheetExportMixin:
    """For a view with Wagtail's ``SpreadsheetExportMixin``: every exported cell is safe.

    Hooks Wagtail's last step before a value is written to a CSV row or an XLSX cell, so it
    covers every column, also related objects and callables that become text only there.
    """

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))
