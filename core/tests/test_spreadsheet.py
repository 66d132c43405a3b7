"""The one helper that keeps formulas out of every export (CSV injection)."""

from core.spreadsheet import safe_cell, safe_row

HYPERLINK = '=HYPERLINK("http://evil.example")'


def test_text_that_would_run_as_a_formula_gets_an_apostrophe():
    for text in (HYPERLINK, "+31 6 1234", "-1+2", "@SUM(A1)", "\t=1", "\r=1"):
        assert safe_cell(text) == f"'{text}"
    for value in ("Techniekpact Twente", "", "'=1", "a=1", 12, -3, 1.5, True, None):
        assert safe_cell(value) == value
    assert safe_row(["=1", 2, "x"]) == ["'=1", 2, "x"]
