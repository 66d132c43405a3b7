"""`manage.py import_region_figures FILE`: load region figures from CSV or XLSX.

Two layouts: the standard one (a figure per row) and, with ``--format statline``, a CBS
StatLine-style table of one indicator (regions as rows, periods as columns).

Every row is checked before anything is written; one bad row (an unknown region, a value
that is not a number) means nothing is imported, and the report names every bad row.
Figures are matched on region, topic, indicator and year, so a second import updates
them. The column layout is in docs/import.md.
"""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from core.search_index import index_app_snippets
from regions.figures_import import read_figure_rows, read_statline, validate, write
from regions.importer import ImportFileError

STATLINE_OPTIONS = ["indicator", "onderwerp", "eenheid", "bron"]
REQUIRED_STATLINE = ["indicator", "onderwerp", "bron"]


class Command(BaseCommand):
    help = "Import region figures (kerncijfers) from a .csv or .xlsx file; see docs/import.md."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a .csv (UTF-8, ; or ,) or .xlsx file.")
        parser.add_argument(
            "--format",
            choices=["standard", "statline"],
            default="standard",
            help="standard: one figure per row (default). statline: a CBS StatLine-style "
            "table, regions as rows and periods as columns, for one indicator.",
        )
        statline = parser.add_argument_group("statline format: what the table holds")
        statline.add_argument("--indicator", help="e.g. 'Studenten mbo' (required).")
        statline.add_argument("--onderwerp", help="onderwijs or arbeidsmarkt (required).")
        statline.add_argument("--eenheid", default="", help="e.g. %%, studenten; may be empty.")
        statline.add_argument("--bron", help="e.g. 'CBS StatLine, tabel 85xxx' (required).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would be imported; write nothing.",
        )

    def handle(self, *args, file, dry_run, **options):
        statline = {name: options[name] for name in STATLINE_OPTIONS}
        try:
            if options["format"] == "statline":
                missing = [f"--{name}" for name in REQUIRED_STATLINE if not statline[name]]
                if missing:
                    raise CommandError(
                        f"The statline format needs {', '.join(missing)}: the table holds "
                        "only values. Nothing was imported."
                    )
                rows = read_statline(
                    file,
                    indicator=statline["indicator"].strip(),
                    topic=statline["onderwerp"].strip(),
                    unit=statline["eenheid"].strip(),
                    source=statline["bron"].strip(),
                )
            else:
                given = [f"--{name}" for name, value in statline.items() if value]
                if given:
                    raise CommandError(
                        f"{', '.join(given)} only go with --format statline; the standard "
                        "format has these as columns. Nothing was imported."
                    )
                rows = read_figure_rows(file)
        except ImportFileError as error:
            raise CommandError(f"{error} Nothing was imported.") from error

        valid, problems, notes = validate(rows)
        if problems:
            report = "\n".join(f"  {problem}" for problem in problems)
            raise CommandError(
                f"{len(problems)} problem(s) in {file}; nothing was imported:\n{report}"
            )
        for note in notes:
            self.stdout.write(self.style.WARNING(f"Skipped: {note}."))

        regions = len({row.region.pk for row in valid})
        summary = f"{len(valid)} figure(s) for {regions} region profile(s)"
        if dry_run:
            self.stdout.write(f"Dry run, nothing written. {summary}.")
            return

        created, updated, drafts = write(valid, progress=self.progress)
        # Editors choose what was imported (and the regions it names) by name in the admin.
        index_app_snippets(apps.get_app_config("regions"))
        self.stderr.write("")
        self.stdout.write(
            self.style.SUCCESS(f"Imported {summary}: {created} new, {updated} updated.")
        )
        if drafts:
            self.stdout.write(
                "Saved as a draft because the page had unpublished changes: "
                + ", ".join(drafts)
                + ". Publish them in the admin."
            )

    def progress(self, done, total):
        width = 30
        filled = width * done // total
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
