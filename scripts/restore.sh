#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into the database named by DATABASE_URL and into
# MEDIA_ROOT. Everything is checked before anything changes; the database is restored in one
# transaction, so a failure leaves it as it was.
#
#   DATABASE_URL=postgres://… scripts/restore.sh backups/20250101T020000Z
#   (or: make restore BACKUP=backups/20250101T020000Z)
#
# DATABASE_URL  the database to restore into; it must exist (createdb NAME)
# MEDIA_ROOT    where media are unpacked (default ./media)
# FORCE=1       replace a database that has tables, and media already in MEDIA_ROOT (the old
#               media folder is kept beside it as MEDIA_ROOT.before-restore-<timestamp>)
# DRY_RUN=1     check the backup and the target, say what would happen, change nothing
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
NAME=restore
# shellcheck source=scripts/backup-common.sh
. "$ROOT/scripts/backup-common.sh"

require_tools pg_restore psql tar sha256sum

if [ $# -ne 1 ] || [ -z "$1" ]; then
  fail "name one backup folder: scripts/restore.sh backups/<timestamp> (make restore BACKUP=backups/<timestamp>)."
fi
backup="$1"
require_database_url "to restore into"
MEDIA_ROOT="${MEDIA_ROOT:-$ROOT/media}"
MEDIA_ROOT="${MEDIA_ROOT%/}"
FORCE="${FORCE:-0}"
DRY_RUN="${DRY_RUN:-0}"

# 1. The backup: complete, undamaged, readable.
[ -d "$backup" ] || fail "backup folder $backup does not exist."
dump="$backup/database.dump"
media="$backup/media.tar.gz"
[ -f "$dump" ] || fail "$backup has no database.dump: not a backup made by scripts/backup.sh."
[ -f "$backup/SHA256SUMS" ] || fail "$backup has no SHA256SUMS: the backup is incomplete."
(cd "$backup" && sha256sum --check --strict --quiet SHA256SUMS >/dev/null 2>&1) \
  || fail "$backup is damaged: its files do not match SHA256SUMS. Nothing was changed."
pg_restore --list "$dump" >/dev/null 2>&1 \
  || fail "$dump is not a readable pg_dump archive. Nothing was changed."
if [ -f "$media" ]; then
  tar -tzf "$media" >/dev/null 2>&1 || fail "$media is not a readable tar.gz archive. Nothing was changed."
else
  say "the backup has no media archive (media were in object storage): restoring the database only."
fi

# 2. The target: reachable, and empty unless FORCE=1.
psql "$DATABASE_URL" -Atqc "select 1" >/dev/null 2>&1 \
  || fail "cannot connect to database '$database' (DATABASE_URL); create it first with: createdb $database"
tables="$(psql "$DATABASE_URL" -Atqc "select count(*) from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
    and n.nspname not like 'pg\_toast%'")"
if [ "$tables" != "0" ] && [ "$FORCE" != "1" ]; then
  fail "database '$database' is not empty ($tables tables); restoring would replace its content. Run again with FORCE=1 to replace it. Nothing was changed."
fi
media_present=0
if [ -f "$media" ] && [ -d "$MEDIA_ROOT" ] && [ -n "$(ls -A "$MEDIA_ROOT")" ]; then
  media_present=1
  [ "$FORCE" = "1" ] || fail "$MEDIA_ROOT already holds files. Run again with FORCE=1 to replace them (they are kept beside it). Nothing was changed."
fi

if [ "$DRY_RUN" = "1" ]; then
  say "dry run: the backup $backup is complete and readable."
  say "dry run: would restore database.dump into database '$database' ($tables tables now)."
  [ ! -f "$media" ] || say "dry run: would unpack media.tar.gz into $MEDIA_ROOT."
  exit 0
fi

# 3. Unpack media beside MEDIA_ROOT first (same file system, so the final move is a rename).
unpacked=""
if [ -f "$media" ]; then
  mkdir -p "$(dirname "$MEDIA_ROOT")"
  unpacked="$(mktemp -d "$(dirname "$MEDIA_ROOT")/.restore-media.XXXXXX")"
  trap 'rm -rf "$unpacked"' EXIT
  tar -C "$unpacked" -xzf "$media" || fail "could not unpack $media. Nothing was changed."
  # Media are served by the web server or media host: readable, not writable, for others.
  chmod 755 "$unpacked"
fi

# 4. The database, all or nothing.
say "restoring database '$database'"
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  --dbname="$DATABASE_URL" "$dump" \
  || fail "pg_restore failed (see above); the database was rolled back and is unchanged, media were not touched."

# 5. Swap the media folders.
if [ -n "$unpacked" ]; then
  if [ "$media_present" = "1" ]; then
    previous="$MEDIA_ROOT.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    mv "$MEDIA_ROOT" "$previous"
    say "the previous media folder is kept as $previous; delete it when the site looks right."
  elif [ -d "$MEDIA_ROOT" ]; then
    rmdir "$MEDIA_ROOT"
  fi
  mv "$unpacked" "$MEDIA_ROOT"
  trap - EXIT
fi
say "restore complete: database '$database'${unpacked:+ and $MEDIA_ROOT} from $backup"
# migrate applies migrations newer than the backup and outdates every cached page, also those
# in Redis, which still hold pages of the content before the restore (core/pagecache.py).
say "next: run 'manage.py migrate --noinput' once, on one app server."
