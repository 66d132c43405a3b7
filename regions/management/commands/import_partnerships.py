"""`manage.py import_partnerships FILE`: bulk import of partnerships from CSV or XLSX.

Every row is checked before anything is written; one bad row means nothing is imported,
and the report names every bad row and column. Rows are matched by slug, so importing
the same file again updates the partnerships instead of duplicating them. New
partnerships are drafts unless --publish is given. The column layout is in docs/import.md.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from core.search_index import index_app_snippets
from regions.importer import ImportFileError, plan, read_rows, validate, write


class Command(BaseCommand):
    help = "Import partnerships (pps) from a .csv or .xlsx file; see docs/import.md."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a .csv (UTF-8, ; or ,) or .xlsx file.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would change; write nothing.",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the imported partnerships. Default: save them as drafts.",
        )

    def handle(self, *args, file, dry_run, publish, **options):
        try:
            rows = read_rows(file)
        except ImportFileError as error:
            raise CommandError(f"{error} Nothing was imported.") from error

        valid, errors = validate(rows)
        if errors:
            report = "\n".join(f"  {error}" for error in errors)
            raise CommandError(
                f"{len(errors)} problem(s) in {file}; nothing was imported:\n{report}"
            )

        new, existing = plan(valid)
        rows = f"{len(valid)} row(s): {len(new)} new"
        if dry_run:
            self.stdout.write(f"Dry run, nothing written. {rows}, {len(existing)} to update.")
            return

        try:
            write(valid, publish=publish, progress=self.progress)
        except ValidationError as error:
            raise CommandError(f"Import stopped, nothing was imported: {error}") from error
        # Editors choose what was imported (and the regions it names) by name in the admin.
        index_app_snippets(apps.get_app_config("regions"))
        self.stderr.write("")
        state = "published" if publish else "saved as drafts (publish them in the admin)"
        self.stdout.write(self.style.SUCCESS(f"Imported {rows}, {len(existing)} updated; {state}."))

    def progress(self, done, total):
        width = 30
        filled = width * done // total
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
