"""`manage.py import_region_figures FILE`: load region figures from CSV or XLSX.

Two layouts: the standard one (a figure per row) and, with ``--format statline``, a CBS
StatLine-style table of one indicator (regions as rows, periods as columns).

Every row is checked before anything is written; one bad row (an unknown region, a value
that is not a number) means nothing is imported, and the report names every bad row.
Figures are matched on region, topic, indicator and year, so a second import updates
them. The column layout is in docs/import.md.
"""

from django.core.management.base import CommandError

from regions.figures_import import read_figure_rows, read_statline, validate, write
from regions.management.importing import FileImportCommand

STATLINE_OPTIONS = ["indicator", "onderwerp", "eenheid", "bron"]
REQUIRED_STATLINE = ["indicator", "onderwerp", "bron"]


class Command(FileImportCommand):
    help = "Import region figures (kerncijfers) from a .csv or .xlsx file; see docs/import.md."

    def add_arguments(self, parser):
        super().add_arguments(parser)
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

    def rows(self, file, options):
        """The file's figures in the chosen format; wrong option combinations stop first."""
        statline = {name: options[name] for name in STATLINE_OPTIONS}
        if options["format"] == "statline":
            missing = [f"--{name}" for name in REQUIRED_STATLINE if not statline[name]]
            if missing:
                raise CommandError(
                    f"The statline format needs {', '.join(missing)}: the table holds "
                    "only values. Nothing was imported."
                )

            def read_rows(path):
                return read_statline(
                    path,
                    indicator=statline["indicator"].strip(),
                    topic=statline["onderwerp"].strip(),
                    unit=statline["eenheid"].strip(),
                    source=statline["bron"].strip(),
                )

            return self.read(read_rows, file)
        given = [f"--{name}" for name, value in statline.items() if value]
        if given:
            raise CommandError(
                f"{', '.join(given)} only go with --format statline; the standard "
                "format has these as columns. Nothing was imported."
            )
        return self.read(read_figure_rows, file)

    def handle(self, *args, file, dry_run, **options):
        valid, problems, notes = validate(self.rows(file, options))
        self.stop_on_problems(file, problems)
        for note in notes:
            self.stdout.write(self.style.WARNING(f"Skipped: {note}."))

        regions = len({row.region.pk for row in valid})
        summary = f"{len(valid)} figure(s) for {regions} region profile(s)"
        if dry_run:
            self.stdout.write(f"Dry run, nothing written. {summary}.")
            return

        created, updated, drafts = write(valid, progress=self.progress)
        self.written()
        self.stdout.write(
            self.style.SUCCESS(f"Imported {summary}: {created} new, {updated} updated.")
        )
        if drafts:
            self.stdout.write(
                "Saved as a draft because the page had unpublished changes: "
                + ", ".join(drafts)
                + ". Publish them in the admin."
            )
