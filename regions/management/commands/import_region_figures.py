"""`manage.py import_region_figures FILE`: load a year of region figures from CSV or XLSX.

Every row is checked before anything is written; one bad row (an unknown region, a value
that is not a number) means nothing is imported, and the report names every bad row.
Figures are matched on region, topic, indicator and year, so a second import updates
them. The column layout is in docs/import.md.
"""

from regions.figures_import import read_figure_rows, validate, write
from regions.management.importing import FileImportCommand


class Command(FileImportCommand):
    help = "Import region figures (kerncijfers) from a .csv or .xlsx file; see docs/import.md."

    def handle(self, *args, file, dry_run, **options):
        valid, problems, notes = validate(self.read(read_figure_rows, file))
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
