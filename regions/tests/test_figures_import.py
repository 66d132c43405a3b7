"""`manage.py import_region_figures`: CSV and XLSX, all or nothing, updates, unknown regions."""

import re
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from regions.factories import RegionFigureFactory, RegionIndexPageFactory, RegionProfilePageFactory
from regions.figures_import import parse_number
from regions.models import Region, RegionFigure

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample_region_figures.csv"
HEADER = ["regio", "onderwerp", "indicator", "waarde", "eenheid", "jaar", "bron"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def profiles(home_page):
    index = RegionIndexPageFactory(parent=home_page)
    return {
        slug: RegionProfilePageFactory(parent=index, region=Region.objects.get(slug=slug))
        for slug in ["twente", "zeeland"]
    }


def run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_region_figures", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write_csv(tmp_path, rows, header=HEADER):
    path = tmp_path / "cijfers.csv"
    path.write_text("\n".join(";".join(row) for row in [header, *rows]), encoding="utf-8")
    return path


def figures(profile):
    profile.refresh_from_db()
    return {(f.indicator, f.year): (f.value, f.unit) for f in profile.figures.all()}


@pytest.mark.parametrize(
    "text, number",
    [
        ("27400", 27400),
        ("27.400", 27400),
        ("4,5", Decimal("4.5")),
        ("1.234,56", Decimal("1234.56")),
    ],
)
def test_dutch_numbers(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["4.5", "12,3,4", "veel", "1.23", ""])
def test_not_numbers(text):
    assert parse_number(text) is None


def test_sample_imports_publishes_and_reimport_updates(profiles):
    output, progress = run(SAMPLE)
    assert "Imported 5 figure(s) for 2 region profile(s): 5 new, 0 updated." in output
    assert "2/2" in progress
    twente = profiles["twente"]
    assert figures(twente) == {
        ("Studenten mbo", 2024): (Decimal("27400"), "studenten"),
        ("Studenten in techniek en ICT", 2024): (Decimal("31.5"), "%"),
        ("Vacatures per 100 werkzoekenden", 2024): (Decimal("142"), ""),
    }
    # The figures are in the published revision too, so a publish in the admin keeps them.
    assert len(twente.live_revision.as_object().figures.all()) == 3

    output, _ = run(SAMPLE)
    assert "0 new, 5 updated" in output
    assert RegionFigure.objects.count() == 5


def test_update_keeps_other_figures_and_years(tmp_path, profiles):
    twente = profiles["twente"]
    RegionFigureFactory(page=twente, indicator="Studenten mbo", year=2023, value=1)
    twente.save_revision().publish()
    run(write_csv(tmp_path, [["twente", "Onderwijs", "studenten MBO", "2", "", "2023", "CBS"]]))
    assert figures(twente) == {("studenten MBO", 2023): (Decimal("2"), "")}
    run(write_csv(tmp_path, [["twente", "onderwijs", "Studenten mbo", "3", "", "2024", "CBS"]]))
    assert len(figures(twente)) == 2


def test_xlsx(tmp_path, profiles):
    workbook = Workbook()
    workbook.active.append(HEADER)
    workbook.active.append(["Zeeland", "arbeidsmarkt", "Banen in ICT", 2300, "banen", 2024, "CBS"])
    workbook.active.append(["zeeland", "onderwijs", "Aandeel techniek", 29.5, "%", 2024, "DUO"])
    path = tmp_path / "cijfers.xlsx"
    workbook.save(path)
    run(path)
    assert figures(profiles["zeeland"]) == {
        ("Banen in ICT", 2024): (Decimal("2300"), "banen"),
        ("Aandeel techniek", 2024): (Decimal("29.5"), "%"),
    }


def test_bad_rows_are_all_reported_and_nothing_is_written(tmp_path, profiles):
    rows = [
        ["twente", "onderwijs", "Goed", "1", "", "2024", "CBS"],
        ["Atlantis", "onderwijs", "Studenten", "1", "", "2024", "CBS"],
        ["twente", "sport", "Studenten", "veel", "", "1850", "CBS"],
        ["twente", "onderwijs", "", "1", "", "2024", ""],
        ["twente", "onderwijs", "goed", "2", "", "2024", "CBS"],
    ]
    with pytest.raises(CommandError) as raised:
        run(write_csv(tmp_path, rows))
    message = str(raised.value)
    assert "nothing was imported" in message
    assert "row 3, regio: unknown region 'Atlantis'; nothing is created for it" in message
    assert "row 4, onderwerp: unknown topic 'sport'" in message
    assert "row 4, waarde: 'veel' is not a number" in message
    assert "row 4, jaar: '1850'" in message
    assert "row 5, indicator: required" in message and "row 5, bron: required" in message
    assert "row 6, indicator: 'goed' (2024) for Twente also appears in row 2" in message
    assert not RegionFigure.objects.exists()


def test_regions_without_profile_are_skipped_and_named(tmp_path, profiles):
    rows = [
        ["twente", "onderwijs", "Studenten", "1", "", "2024", "CBS"],
        ["groningen", "onderwijs", "Studenten", "1", "", "2024", "CBS"],
    ]
    output, _ = run(write_csv(tmp_path, rows))
    assert "Skipped: Groningen: no profile page, 1 row(s) skipped" in output
    assert RegionFigure.objects.count() == 1


def test_missing_file_is_one_sentence_then_the_verdict(tmp_path):
    missing = tmp_path / "bestaat-niet.csv"
    with pytest.raises(CommandError) as raised:
        run(missing)
    assert str(raised.value) == f"File not found: {missing}. Nothing was imported."


def test_dry_run_writes_nothing(profiles):
    output, _ = run(SAMPLE, "--dry-run")
    assert "Dry run, nothing written. 5 figure(s) for 2 region profile(s)." in output
    assert not RegionFigure.objects.exists()


def test_draft_changes_are_not_published_by_an_import(tmp_path, profiles):
    twente = profiles["twente"]
    twente.title = "Twente (concept)"
    twente.save_revision()
    output, _ = run(write_csv(tmp_path, [["twente", "onderwijs", "A", "1", "", "2024", "CBS"]]))
    assert "Saved as a draft" in output
    twente.refresh_from_db()
    assert twente.title == "Twente" and not twente.figures.exists()
    assert len(twente.get_latest_revision_as_object().figures.all()) == 1


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("cijfers.txt", "x", "Unsupported file type"),
        ("cijfers.csv", "regio;waarde\ntwente;1\n", "Missing column(s): onderwerp"),
        ("cijfers.csv", ";".join([*HEADER, "kleur"]) + "\n", "Unknown column(s): kleur"),
    ],
)
def test_unreadable_files(tmp_path, profiles, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run(path)


STATLINE_SAMPLE = SAMPLE.with_name("sample_statline_mbo.csv")
STATLINE_ARGS = ["--format", "statline", "--indicator", "Studenten mbo", "--onderwerp"]


def run_statline(path, *args):
    return run(path, *STATLINE_ARGS, "onderwijs", "--eenheid", "studenten", *args)


def test_statline_sample_matches_names_and_codes(profiles):
    output, _ = run_statline(STATLINE_SAMPLE, "--bron", "CBS StatLine (demo)")
    # Twente by name with "(AM)", Zeeland by its StatLine code AM0024; "." is skipped.
    assert "Imported 5 figure(s) for 2 region profile(s): 5 new, 0 updated." in output
    assert figures(profiles["twente"]) == {
        ("Studenten mbo", 2022): (Decimal("26100"), "studenten"),
        ("Studenten mbo", 2023): (Decimal("26600"), "studenten"),
        ("Studenten mbo", 2024): (Decimal("27400"), "studenten"),
    }
    assert set(figures(profiles["zeeland"])) == {("Studenten mbo", 2022), ("Studenten mbo", 2023)}
    assert {f.source for f in RegionFigure.objects.all()} == {"CBS StatLine (demo)"}
    # Again, with a changed value: updated, not doubled.
    output, _ = run_statline(STATLINE_SAMPLE, "--bron", "CBS StatLine (demo)")
    assert "0 new, 5 updated" in output


def test_standard_format_matches_cbs_codes_too(profiles, tmp_path):
    path = write_csv(
        tmp_path, [["AM05", "onderwijs", "Studenten hbo", "19.800", "studenten", "2024", "CBS"]]
    )
    run(path)
    assert figures(profiles["twente"]) == {("Studenten hbo", 2024): (Decimal("19800"), "studenten")}


@pytest.mark.parametrize(
    "lines, message",
    [
        (['"Regio";"Jaar 2023"', '"Twente";"1"'], "No header with periods found"),
        (['"Regio";"2023";"Totaal"', '"Twente";"1";"2"'], "Column 'Totaal' is not a period"),
        (['"Regio";"2023"', '"Atlantis";"1"'], "row 2 (2023), regio: unknown region 'Atlantis'"),
        (['"Regio";"2023"', '"AM99";"1"'], "row 2 (2023), regio: unknown region 'AM99'"),
        (['"Regio";"2023"', '"Twente";"1.5"'], "row 2 (2023), waarde: '1.5' is not a number"),
        (['"Regio";"2023";"2024"', '"Twente";".";"x"'], "has a header but no values"),
        (['"Regio";"2023"', '"Twente";"=1+1"'], "waarde: '=1+1' is not a number"),
    ],
)
def test_bad_statline_files_write_nothing(profiles, tmp_path, lines, message):
    path = tmp_path / "statline.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CommandError, match=re.escape(message)):
        run_statline(path, "--bron", "CBS")
    assert RegionFigure.objects.count() == 0


def test_statline_options_are_checked(profiles):
    with pytest.raises(CommandError, match="needs --bron"):
        run_statline(STATLINE_SAMPLE)
    with pytest.raises(CommandError, match="only go with --format statline"):
        run(SAMPLE, "--bron", "CBS")
    with pytest.raises(CommandError, match="unknown topic 'sport'"):
        run(STATLINE_SAMPLE, *STATLINE_ARGS, "sport", "--bron", "CBS")
    assert RegionFigure.objects.count() == 0


def test_statline_workbook(profiles, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Arbeidsmarktregio's", "2023JJ00", "2024JJ00"])
    sheet.append(["Twente", 31.5, 32])
    path = tmp_path / "statline.xlsx"
    book.save(path)
    run(path, *STATLINE_ARGS, "onderwijs", "--eenheid", "%", "--bron", "CBS")
    assert figures(profiles["twente"]) == {
        ("Studenten mbo", 2023): (Decimal("31.5"), "%"),
        ("Studenten mbo", 2024): (Decimal("32"), "%"),
    }
