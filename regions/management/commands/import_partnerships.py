"""`manage.py import_partnerships FILE`: bulk import of partnerships from CSV or XLSX.

Every row is checked before anything is written; one bad row means nothing is imported,
and the report names every bad row and column. Rows are matched by slug, so importing
the same file again updates the partnerships instead of duplicating them. New
partnerships are drafts unless --publish is given. The column layout is in docs/import.md.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from regions.importer import plan, read_rows, validate, write
from regions.management.importing import FileImportCommand


class Command(FileImportCommand):
    help = "Import partnerships (pps) from a .csv or .xlsx file; see docs/import.md."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the imported partnerships. Default: save them as drafts.",
        )

    def handle(self, *args, file, dry_run, publish, **options):
        valid, errors = validate(self.read(read_rows, file))
        self.stop_on_problems(file, errors)

        new, existing = plan(valid)
        rows = f"{len(valid)} row(s): {len(new)} new"
        if dry_run:
            self.stdout.write(f"Dry run, nothing written. {rows}, {len(existing)} to update.")
            return

        try:
            write(valid, publish=publish, progress=self.progress)
        except ValidationError as error:
            raise CommandError(f"Import stopped, nothing was imported: {error}") from error
        self.written()
        state = "published" if publish else "saved as drafts (publish them in the admin)"
        self.stdout.write(self.style.SUCCESS(f"Imported {rows}, {len(existing)} updated; {state}."))
