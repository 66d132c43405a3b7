"""What the import commands share: their arguments, reading the file, the report of bad
rows, the progress bar and the search index after writing (docs/import.md)."""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from core.search_index import index_app_snippets
from regions.importer import ImportFileError


class FileImportCommand(BaseCommand):
    """A command that imports one CSV or XLSX file and checks every row before writing."""

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a .csv (UTF-8, ; or ,) or .xlsx file.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would change; write nothing.",
        )

    def read(self, read_rows, file):
        """``read_rows(file)``, with an unreadable file reported as a CommandError."""
        try:
            return read_rows(file)
        except ImportFileError as error:
            raise CommandError(f"{error} Nothing was imported.") from error

    def stop_on_problems(self, file, problems):
        """Stop, naming every problem, unless there are none: nothing is written."""
        if problems:
            report = "\n".join(f"  {problem}" for problem in problems)
            raise CommandError(
                f"{len(problems)} problem(s) in {file}; nothing was imported:\n{report}"
            )

    def progress(self, done, total):
        width = 30
        filled = width * done // total
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")

    def written(self):
        """After writing: end the progress bar's line and update the search index."""
        # Editors choose what was imported (and the regions it names) by name in the admin.
        index_app_snippets(apps.get_app_config("regions"))
        self.stderr.write("")
