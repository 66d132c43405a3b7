"""`manage.py import_region_figures FILE`: load a year of region figures from CSV or XLSX.

Every row is checked before anything is written; one bad row (an unknown region, a value
that is not a number) means nothing is imported, and the report names every bad row.
Figures are matched on region, topic, indicator and year, so a second import updates
them. The column layout is in docs/import.md.
"""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from core.search_index import index_app_snippets
from regions.figures_import import read_figure_rows, validate, write
from regions.importer import ImportFileError


class Command(BaseCommand):
    help = "Import region figures (kerncijfers) from a .csv or .xlsx file; see docs/import.md."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a .csv (UTF-8, ; or ,) or .xlsx file.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would be imported; write nothing.",
        )

    def handle(self, *args, file, dry_run, **options):
        try:
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
