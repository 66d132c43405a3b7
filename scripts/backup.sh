#!/usr/bin/env bash
# Back up the site: the database (pg_dump, custom format) and the uploaded media (a tar of
# MEDIA_ROOT) into $BACKUP_DIR/<UTC timestamp>/, with SHA256SUMS. Prints that folder on stdout;
# messages go to stderr. A backup that fails halfway leaves no folder behind.
#
#   DATABASE_URL=postgres://… scripts/backup.sh        (or: make backup)
#
# DATABASE_URL  the database to back up (required)
# MEDIA_ROOT    uploaded files (default ./media); with AWS_STORAGE_BUCKET_NAME set, media live in
#               the bucket and are not archived here (use the bucket's versioning)
# BACKUP_DIR    where backups go (default ./backups)
# DRY_RUN=1     check the database connection and say what would be written; write nothing
set -euo pipefail
# Backups hold personal data (contact persons, form submissions): readable by us only.
umask 077

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
NAME=backup
# shellcheck source=scripts/backup-common.sh
. "$ROOT/scripts/backup-common.sh"

require_tools pg_dump psql tar sha256sum
require_database_url "to back up"
MEDIA_ROOT="${MEDIA_ROOT:-$ROOT/media}"
BACKUP_DIR="${BACKUP_DIR:-$ROOT/backups}"
DRY_RUN="${DRY_RUN:-0}"

psql "$DATABASE_URL" -Atqc "select 1" >/dev/null 2>&1 \
  || fail "cannot connect to database '$database' (DATABASE_URL): is PostgreSQL running and the URL right?"

archive_media=1
if [ -n "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
  archive_media=0
  say "media are in bucket '$AWS_STORAGE_BUCKET_NAME' (AWS_STORAGE_BUCKET_NAME): not archived here; rely on the bucket's versioning or replication."
elif [ ! -d "$MEDIA_ROOT" ]; then
  say "warning: MEDIA_ROOT $MEDIA_ROOT does not exist; the media archive will be empty."
fi

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$BACKUP_DIR/$stamp"
[ ! -e "$target" ] || fail "$target exists already; wait a second and try again."

if [ "$DRY_RUN" = "1" ]; then
  say "dry run: would dump database '$database' to $target/database.dump"
  [ "$archive_media" = "0" ] || say "dry run: would archive $MEDIA_ROOT to $target/media.tar.gz"
  exit 0
fi

mkdir -p "$BACKUP_DIR"
# Work in a hidden folder and rename it at the end: a folder named after a timestamp is complete.
work="$(mktemp -d "$BACKUP_DIR/.partial-$stamp.XXXXXX")"
trap 'rm -rf "$work"' EXIT

say "dumping database '$database'"
# Cached pages (the database cache, when there is no Redis) are not worth keeping: a restored
# site must not serve pages cached before the restore.
pg_dump --format=custom --exclude-table-data=django_cache --file="$work/database.dump" "$DATABASE_URL" \
  || fail "pg_dump failed (see above); no backup was written."

files=(database.dump)
if [ "$archive_media" = "1" ]; then
  say "archiving media from $MEDIA_ROOT"
  if [ -d "$MEDIA_ROOT" ]; then
    tar -C "$MEDIA_ROOT" -czf "$work/media.tar.gz" . || fail "tar of $MEDIA_ROOT failed; no backup was written."
  else
    tar -czf "$work/media.tar.gz" -T /dev/null
  fi
  files+=(media.tar.gz)
fi

(cd "$work" && sha256sum "${files[@]}" >SHA256SUMS)
mv "$work" "$target"
trap - EXIT
say "backup complete: $target"
echo "$target"
