"""scripts/backup.sh and scripts/restore.sh against real PostgreSQL databases.

The round trip loads the demo site, backs it up, restores it into a second database and media
folder, and compares the pages both serve. Bad backups and bad targets must fail with a clear
message and leave the target database and media as they were.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import psycopg2
import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
BACKUP = ROOT / "scripts" / "backup.sh"
RESTORE = ROOT / "scripts" / "restore.sh"
# Fetches each URL given on the command line with Django's test client; prints status and body.
RENDER = """
import json, sys
import django
django.setup()
from django.test import Client
client = Client()
pages = {}
for url in sys.argv[1:]:
    response = client.get(url)
    pages[url] = [response.status_code, response.content.decode()]
print(json.dumps(pages))
"""


def database_url(name):
    """A URL for database ``name`` on the server (and as the user) the tests use."""
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    return f"postgres://{quote(db['USER'], safe='')}{password}@{db['HOST']}:{db['PORT']}/{name}"


def execute(name, *statements):
    """Run SQL in database ``name`` outside Django's connection (and its test transaction)."""
    conn = psycopg2.connect(database_url(name))
    conn.autocommit = True  # CREATE and DROP DATABASE refuse to run in a transaction
    try:
        with conn.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
            return cursor.fetchall() if cursor.description else None
    finally:
        conn.close()


@pytest.fixture(scope="module")
def scratch_database(django_db_setup):
    """Make empty databases named after this worker's test database; drop them afterwards."""
    base = connection.settings_dict["NAME"]
    created = []

    def make(suffix):
        name = f"{base}_{suffix}"
        execute("postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        execute("postgres", f'CREATE DATABASE "{name}"')
        created.append(name)
        return name

    yield make
    for name in created:
        execute("postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def script(path, *args, **variables):
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "MEDIA_ROOT", "BACKUP_DIR", "FORCE", "DRY_RUN")
        and not key.startswith("AWS_")
    }
    return subprocess.run(
        ["bash", str(path), *args],
        env={**environ, **variables},
        capture_output=True,
        text=True,
        timeout=300,
    )


def files_in(folder):
    """Every file below ``folder`` by relative path, with a hash of its content."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(folder).rglob("*"))
        if path.is_file()
    }


def render(tmp_path, database, media_root, urls):
    """The pages as a separate process serves them from ``database`` and ``media_root``."""
    settings_module = tmp_path / "restored_site_settings.py"
    settings_module.write_text(
        "from cms.settings.test import *  # noqa: F403\n"
        "from cms.settings.base import env\n"
        'MEDIA_ROOT = env("MEDIA_ROOT", required=True)\n'
    )
    environ = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="restored_site_settings",
        PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]),
        DATABASE_URL=database_url(database),
        MEDIA_ROOT=str(media_root),
    )
    result = subprocess.run(
        [sys.executable, "-c", RENDER, *urls],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_restored_backup_serves_the_same_site(live_db, settings, tmp_path, scratch_database):
    source_media = tmp_path / "media"
    settings.MEDIA_ROOT = source_media
    call_command("load_demo_content", stdout=StringIO())
    source = connection.settings_dict["NAME"]
    map_page = apps.get_model("regions", "NetworkMapPage").objects.live().get()
    partnership = apps.get_model("regions", "Partnership").objects.filter(live=True).first()
    news_item = apps.get_model("news", "NewsPage").objects.live().first()
    urls = [
        "/",
        map_page.url,
        map_page.partnership_url(partnership),
        news_item.url,
        map_page.file_url("geojson"),
        map_page.file_url("csv"),
    ]
    # Serving once first makes the image renditions, so that the backup holds them too.
    before = render(tmp_path, source, source_media, urls)
    assert [status for status, _ in before.values()] == [200] * len(urls)
    assert partnership.name in before[urls[2]][1]

    backup = script(
        BACKUP,
        DATABASE_URL=database_url(source),
        MEDIA_ROOT=str(source_media),
        BACKUP_DIR=str(tmp_path / "backups"),
    )
    assert backup.returncode == 0, backup.stderr
    folder = Path(backup.stdout.strip())
    assert sorted(path.name for path in folder.iterdir()) == [
        "SHA256SUMS",
        "database.dump",
        "media.tar.gz",
    ]

    target = scratch_database("restored")
    target_media = tmp_path / "restored-media"
    restore = script(
        RESTORE, str(folder), DATABASE_URL=database_url(target), MEDIA_ROOT=str(target_media)
    )
    assert restore.returncode == 0, restore.stderr
    after = render(tmp_path, target, target_media, urls)

    assert after == before
    # The same uploads, and no rendition had to be made again after the restore.
    assert files_in(target_media) == files_in(source_media)
    assert any(name.startswith("images/") for name in files_in(target_media))


@pytest.fixture(scope="module")
def pristine_backup(scratch_database, tmp_path_factory):
    """A backup of a database with one table of 20,000 rows, and a target database."""
    source = scratch_database("source")
    execute(
        source,
        "CREATE TABLE marker (id int primary key, note text)",
        "INSERT INTO marker SELECT i, md5(i::text) FROM generate_series(1, 20000) i",
    )
    media = tmp_path_factory.mktemp("source-media")
    (media / "images").mkdir()
    (media / "images" / "foto.jpg").write_bytes(b"jpeg")
    result = script(
        BACKUP,
        DATABASE_URL=database_url(source),
        MEDIA_ROOT=str(media),
        BACKUP_DIR=str(tmp_path_factory.mktemp("backups")),
    )
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip()), scratch_database("target")


@pytest.fixture
def small_backup(pristine_backup, tmp_path):
    """A copy of that backup to damage, and a target database and media that differ from it."""
    folder, target = pristine_backup
    copy = tmp_path / "backups" / folder.name
    shutil.copytree(folder, copy)
    execute(
        target,
        "DROP TABLE IF EXISTS marker",
        "CREATE TABLE marker (id int primary key, note text)",
        "INSERT INTO marker VALUES (1, 'original')",
    )
    target_media = tmp_path / "target-media"
    target_media.mkdir()
    (target_media / "keep.txt").write_text("original")
    return copy, target, target_media


def unchanged(target, target_media):
    return execute(target, "SELECT id, note FROM marker") == [(1, "original")] and files_in(
        target_media
    ) == {"keep.txt": hashlib.sha256(b"original").hexdigest()}


def resum(folder):
    """Rewrite SHA256SUMS, as if the damage happened before the backup was summed."""
    subprocess.run(
        "sha256sum database.dump media.tar.gz > SHA256SUMS", shell=True, cwd=folder, check=True
    )


def remove_dump(folder):
    (folder / "database.dump").unlink()


def flip_a_byte(folder):
    dump = folder / "database.dump"
    content = bytearray(dump.read_bytes())
    content[len(content) // 2] ^= 0xFF
    dump.write_bytes(bytes(content))


def not_a_dump(folder):
    (folder / "database.dump").write_text("-- just some SQL\nDROP TABLE marker;\n")
    resum(folder)


def truncated_dump(folder):
    """The table of contents is intact (pg_restore --list works), the data is cut off."""
    dump = folder / "database.dump"
    dump.write_bytes(dump.read_bytes()[: dump.stat().st_size // 2])
    resum(folder)


def damaged_media(folder):
    (folder / "media.tar.gz").write_bytes(b"not a tar file")
    resum(folder)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (remove_dump, "has no database.dump"),
        (flip_a_byte, "is damaged: its files do not match SHA256SUMS"),
        (not_a_dump, "is not a readable pg_dump archive"),
        (truncated_dump, "pg_restore failed (see above); the database was rolled back"),
        (damaged_media, "media.tar.gz is not a readable tar.gz archive"),
    ],
)
def test_a_bad_backup_changes_nothing(small_backup, damage, message):
    folder, target, target_media = small_backup
    damage(folder)
    result = script(
        RESTORE,
        str(folder),
        DATABASE_URL=database_url(target),
        MEDIA_ROOT=str(target_media),
        FORCE="1",
    )
    assert result.returncode != 0
    assert message in result.stderr
    assert unchanged(target, target_media)


def test_a_missing_backup_folder_changes_nothing(small_backup, tmp_path):
    _folder, target, target_media = small_backup
    result = script(
        RESTORE,
        str(tmp_path / "backups" / "20000101T000000Z"),
        DATABASE_URL=database_url(target),
        MEDIA_ROOT=str(target_media),
        FORCE="1",
    )
    assert result.returncode != 0
    assert "20000101T000000Z does not exist" in result.stderr
    assert unchanged(target, target_media)


def test_restore_refuses_a_database_with_content_unless_forced(small_backup):
    folder, target, target_media = small_backup
    variables = {"DATABASE_URL": database_url(target), "MEDIA_ROOT": str(target_media)}
    refused = script(RESTORE, str(folder), **variables)
    assert refused.returncode != 0
    assert "is not empty (1 tables)" in refused.stderr and "FORCE=1" in refused.stderr
    assert unchanged(target, target_media)

    dry_run = script(RESTORE, str(folder), FORCE="1", DRY_RUN="1", **variables)
    assert dry_run.returncode == 0, dry_run.stderr
    assert "dry run: would restore" in dry_run.stderr
    assert unchanged(target, target_media)

    forced = script(RESTORE, str(folder), FORCE="1", **variables)
    assert forced.returncode == 0, forced.stderr
    assert execute(target, "SELECT count(*) FROM marker") == [(20000,)]
    assert files_in(target_media) == {"images/foto.jpg": hashlib.sha256(b"jpeg").hexdigest()}
    # The media that were replaced are kept beside the folder.
    kept = list(target_media.parent.glob("target-media.before-restore-*"))
    assert len(kept) == 1 and (kept[0] / "keep.txt").read_text() == "original"


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({}, "set DATABASE_URL to the database to back up"),
        ({"DATABASE_URL": "sqlite:///db.sqlite3"}, "DATABASE_URL must be a PostgreSQL URL"),
        ({"DATABASE_URL": database_url("no_such_database")}, "cannot connect to database"),
    ],
)
def test_backup_refuses_a_bad_database_url(tmp_path, variables, message):
    result = script(BACKUP, BACKUP_DIR=str(tmp_path / "backups"), **variables)
    assert result.returncode != 0
    assert message in result.stderr
    assert not (tmp_path / "backups").exists()


def test_backup_dry_run_writes_nothing(small_backup, tmp_path):
    _folder, target, _media = small_backup
    backups = tmp_path / "dry-run-backups"
    result = script(BACKUP, DATABASE_URL=database_url(target), BACKUP_DIR=str(backups), DRY_RUN="1")
    assert result.returncode == 0, result.stderr
    assert "dry run: would dump database" in result.stderr
    assert not backups.exists()


def test_restore_needs_a_folder_and_a_database(small_backup):
    folder, target, _media = small_backup
    no_folder = script(RESTORE, DATABASE_URL=database_url(target))
    assert no_folder.returncode != 0
    assert "name one backup folder" in no_folder.stderr
    no_database = script(RESTORE, str(folder))
    assert no_database.returncode != 0
    assert "set DATABASE_URL to the database to restore into" in no_database.stderr
