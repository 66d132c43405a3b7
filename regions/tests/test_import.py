"""`manage.py import_partnerships`: CSV and XLSX, validation, all or nothing, re-import."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from regions.factories import PartnershipFactory
from regions.models import Partnership

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample_partnerships.csv"
HEADER = ["slug", "naam", "samenvatting", "regio", "soort", "breedtegraad", "lengtegraad"]


def run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_partnerships", str(path), *args, stdout=out, stderr=err)
    return out.getvalue()


def write_csv(tmp_path, rows, *, encoding="utf-8", header=HEADER, name="pps"):
    path = tmp_path / f"{name}.csv"
    lines = [",".join(header)] + [",".join(row) for row in rows]
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


GOOD_ROW = ["pact-twente", "Pact Twente", "Samen opleiden.", "Twente", "civ", "52.22", "6.89"]


@pytest.mark.django_db
def test_sample_csv_imports_as_drafts_and_reimport_updates():
    output = run(SAMPLE)
    assert output.strip() == (
        "Imported 2 row(s): 2 new, 0 updated; saved as drafts (publish them in the admin)."
    )
    zwolle = Partnership.objects.get(slug="techniekhuis-zwolle")
    assert not zwolle.live and zwolle.revisions.count() == 1
    assert zwolle.region.name == "Regio Zwolle"
    assert (zwolle.latitude, zwolle.longitude) == (52.512, 6.094)  # decimal commas
    assert {s.name for s in zwolle.sectors.all()} == {"Techniek", "Energie"}
    assert zwolle.companies_count == 45 and zwolle.start_year == 2020
    assert zwolle.background.startswith("<p>Installateurs")
    venlo = Partnership.objects.get(slug="data-lab-venlo")
    assert not venlo.has_location and venlo.kind == "field_lab"

    assert run(SAMPLE, "--dry-run").strip() == (
        "Dry run, nothing written. 2 row(s): 0 new, 2 to update."
    )
    output = run(SAMPLE, "--publish")
    assert output.strip() == "Imported 2 row(s): 0 new, 2 updated; published."
    assert Partnership.objects.count() == 2
    assert Partnership.objects.filter(live=True).count() == 2
    assert Partnership.objects.get(slug="techniekhuis-zwolle").revisions.count() == 2


@pytest.mark.django_db
def test_reimport_without_publish_keeps_the_live_version(tmp_path):
    live = PartnershipFactory(slug="pact-twente", name="Oude naam")
    run(write_csv(tmp_path, [GOOD_ROW]))
    live.refresh_from_db()
    assert live.name == "Oude naam" and live.has_unpublished_changes
    assert live.get_latest_revision_as_object().name == "Pact Twente"


@pytest.mark.django_db
def test_semicolon_csv_with_bom(tmp_path):
    path = tmp_path / "pps.csv"
    text = ";".join(HEADER) + "\n" + ";".join(GOOD_ROW) + "\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    run(path, "--publish")
    assert Partnership.objects.get(slug="pact-twente").live


@pytest.mark.django_db
def test_xlsx_import(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER + ["bedrijven", "sectoren", "financiering"])
    sheet.append(
        ["pact-twente", "Pact Twente", "Samen.", "twente", "CIV", 52.22, 6.89, 40, "ICT|techniek"]
        + ["Nationaal Groeifonds"]
    )
    path = tmp_path / "pps.xlsx"
    workbook.save(path)
    run(path)
    partnership = Partnership.objects.get(slug="pact-twente")
    assert partnership.companies_count == 40 and partnership.kind == "civ"
    assert partnership.sectors.count() == 2 and partnership.funding_sources.count() == 1


@pytest.mark.django_db
def test_dry_run_writes_nothing():
    output = run(SAMPLE, "--dry-run")
    assert output.strip() == "Dry run, nothing written. 2 row(s): 2 new, 0 to update."
    assert not Partnership.objects.exists()


BAD_ROWS = {
    "unknown region": (["x", "X", "Samen.", "Atlantis", "civ", "", ""], "regio: unknown region"),
    "unknown kind": (["x", "X", "Samen.", "Twente", "vereniging", "", ""], "soort: unknown kind"),
    "abroad": (["x", "X", "Samen.", "Twente", "civ", "48.85", "2.35"], "outside the Netherlands"),
    "half location": (["x", "X", "Samen.", "Twente", "civ", "52.2", ""], "both coordinates"),
    "empty name": (["x", "", "Samen.", "Twente", "civ", "", ""], "naam: required"),
    "bad slug": (["x y", "X", "Samen.", "Twente", "civ", "", ""], "slug: 'x y'"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", BAD_ROWS)
def test_bad_row_writes_nothing(tmp_path, case):
    row, message = BAD_ROWS[case]
    path = write_csv(tmp_path, [GOOD_ROW, row])
    with pytest.raises(CommandError) as error:
        run(path)
    assert f"row 3, {message}" in str(error.value) or message in str(error.value)
    assert "row 3" in str(error.value)
    assert not Partnership.objects.exists()


@pytest.mark.django_db
def test_every_bad_row_is_reported(tmp_path):
    header = HEADER + ["bedrijven", "sectoren"]
    rows = [
        GOOD_ROW + ["veel", "ICT"],
        ["pact-twente", "Dubbel", "Samen.", "Twente", "civ", "", "", "3", "Ruimtevaart"],
    ]
    with pytest.raises(CommandError) as error:
        run(write_csv(tmp_path, rows, header=header))
    report = str(error.value)
    assert "row 2, bedrijven: 'veel' is not a whole number" in report
    assert "row 3, slug: 'pact-twente' also appears in row 2" in report
    assert "row 3, sectoren: unknown sector 'Ruimtevaart'" in report
    assert not Partnership.objects.exists()


@pytest.mark.django_db
def test_file_problems(tmp_path):
    latin = write_csv(
        tmp_path,
        [[*GOOD_ROW[:2], "Samen met één school.", *GOOD_ROW[3:]]],
        encoding="latin-1",
        name="latin",
    )
    missing_column = write_csv(tmp_path, [["a"]], header=["slug"], name="missing")
    unknown_column = write_csv(
        tmp_path, [GOOD_ROW + ["x"]], header=HEADER + ["kleur"], name="unknown"
    )
    text_file = tmp_path / "pps.txt"
    text_file.write_text("slug\n")
    broken_xlsx = tmp_path / "kapot.xlsx"
    broken_xlsx.write_bytes(b"geen zip")
    cases = {
        latin: "not UTF-8",
        tmp_path / "bestaat-niet.csv": "File not found",
        text_file: "Unsupported file type '.txt'",
        broken_xlsx: "not a readable .xlsx",
    }
    for path, message in cases.items():
        with pytest.raises(CommandError, match=message) as raised:
            run(path)
        # Each reason is a sentence of its own before the verdict.
        assert str(raised.value).endswith(". Nothing was imported."), raised.value
    missing = tmp_path / "bestaat-niet.csv"
    with pytest.raises(CommandError) as raised:
        run(missing)
    assert str(raised.value) == f"File not found: {missing}. Nothing was imported."
    with pytest.raises(CommandError, match="Missing column"):
        run(missing_column)
    with pytest.raises(CommandError, match="Unknown column.*kleur"):
        run(unknown_column)
    assert not Partnership.objects.exists()
