# Shared by scripts/backup.sh and scripts/restore.sh (sourced, not run): messages, the
# check for the tools and the check of DATABASE_URL. The sourcing script sets NAME, the
# prefix of its messages.

say() { echo "$NAME: $*" >&2; }
fail() {
  say "error: $*"
  exit 1
}

# require_tools TOOL...: stop unless every TOOL is on PATH.
require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (apt-get install postgresql-client tar coreutils)."
  done
}

# require_database_url PURPOSE: stop unless DATABASE_URL is a PostgreSQL URL; PURPOSE ends
# "set DATABASE_URL to the database …". Sets `database`, the database name without user or
# password, for messages.
require_database_url() {
  DATABASE_URL="${DATABASE_URL:-}"
  [ -n "$DATABASE_URL" ] || fail "set DATABASE_URL to the database $1, e.g. DATABASE_URL=postgres://user:password@host:5432/pps."
  case "$DATABASE_URL" in
    postgres://* | postgresql://*) ;;
    *) fail "DATABASE_URL must be a PostgreSQL URL (postgres://…); other databases are not supported." ;;
  esac
  database="${DATABASE_URL##*/}"
  database="${database%%\?*}"
}
