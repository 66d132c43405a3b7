#!/usr/bin/env bash
# Run the production settings locally, for measuring: PostgreSQL database pps_prod (created if
# missing), migrations (which include the cache table), collected static files, the demo content, gunicorn with
# gunicorn.conf.py on http://127.0.0.1:$PORT/ (default 8100), and a separate media host on
# http://127.0.0.1:$MEDIA_PORT/ (default PORT + 2) so that uploads are not served from the
# site's origin, as in production. Stop with Ctrl-C.
#
# PORT, MEDIA_PORT         ports (defaults 8100 and PORT + 2)
# PROD_DATABASE_NAME       database on the server that scripts/ensure-postgres.sh finds (pps_prod)
# LOCAL_TILES=1            map tiles from a local stand-in (scripts/tile-standin.py, port
#                          PORT + 3) instead of MAP_TILE_URL: for measuring on a machine
#                          without internet, where every tile request fails
#                          (scripts/lighthouse.sh)
# SECRET_KEY               generated once into .secret-key (git-ignored) when unset
# Other variables of .env.example pass through; the HTTPS redirect is off unless
# SECURE_SSL_REDIRECT is set, because this serves plain HTTP.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
say() { echo "serve-prod: $*" >&2; }
fail() {
  say "error: $*"
  exit 1
}

PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || fail "no virtualenv: run 'make serve-prod' (it installs the requirements)."
PORT="${PORT:-8100}"
MEDIA_PORT="${MEDIA_PORT:-$((PORT + 2))}"
PROD_DATABASE_NAME="${PROD_DATABASE_NAME:-pps_prod}"
[[ "$PORT" =~ ^[0-9]+$ && "$MEDIA_PORT" =~ ^[0-9]+$ ]] || fail "PORT and MEDIA_PORT must be port numbers."
[[ "$PROD_DATABASE_NAME" =~ ^[a-z_][a-z0-9_]*$ ]] \
  || fail "PROD_DATABASE_NAME must be lower-case letters, digits and _ (got '$PROD_DATABASE_NAME')."

# The server from ensure-postgres.sh (which honours DATABASE_URL), our own database on it.
server="$(scripts/ensure-postgres.sh)"
server="${server%/*}"
if ! psql "$server/postgres" -Atqc "select 1 from pg_database where datname = '$PROD_DATABASE_NAME'" | grep -q 1; then
  say "creating database $PROD_DATABASE_NAME"
  psql "$server/postgres" -Atqc "create database $PROD_DATABASE_NAME" >&2
fi
export DATABASE_URL="$server/$PROD_DATABASE_NAME"

if [ -z "${SECRET_KEY:-}" ]; then
  if [ ! -s .secret-key ]; then
    say "generating SECRET_KEY into .secret-key"
    (umask 077 && "$PY" -c "import secrets; print(secrets.token_urlsafe(50))" >.secret-key)
  fi
  SECRET_KEY="$(cat .secret-key)"
  export SECRET_KEY
fi
export DJANGO_SETTINGS_MODULE=cms.settings.production
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-false}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export MEDIA_ROOT="${MEDIA_ROOT:-$ROOT/media}"
export MEDIA_URL="${MEDIA_URL:-http://127.0.0.1:$MEDIA_PORT/}"
export GUNICORN_BIND="127.0.0.1:$PORT"
# The demo Site's address (canonical URLs, share tags): this server, when the Site still has
# Wagtail's default address (home/demo.py keeps any other).
export DEMO_SITE_URL="${DEMO_SITE_URL:-http://127.0.0.1:$PORT}"
if [ "${LOCAL_TILES:-}" = 1 ]; then
  export MAP_TILE_URL="http://127.0.0.1:$((PORT + 3))/{z}/{x}/{y}.png"
fi

# migrate also creates the database cache table (used when REDIS_URL is unset).
"$PY" manage.py migrate --noinput
"$PY" manage.py collectstatic --noinput -v 0
"$PY" manage.py load_demo_content

mkdir -p "$MEDIA_ROOT"
"$PY" -m http.server "$MEDIA_PORT" --bind 127.0.0.1 --directory "$MEDIA_ROOT" >/dev/null 2>&1 &
helpers=("$!")
trap 'kill "${helpers[@]}" 2>/dev/null || true' EXIT
if [ "${LOCAL_TILES:-}" = 1 ]; then
  tile_port=$((PORT + 3))
  "$PY" scripts/tile-standin.py "$tile_port" &
  helpers+=("$!")
  say "map tiles from the local stand-in on http://127.0.0.1:$tile_port/"
fi
say "site on http://127.0.0.1:$PORT/, media on $MEDIA_URL (database $PROD_DATABASE_NAME)"
"$ROOT/.venv/bin/gunicorn" -c gunicorn.conf.py cms.wsgi:application
