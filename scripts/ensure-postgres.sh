#!/usr/bin/env bash
# Print a DATABASE_URL for a real PostgreSQL on stdout; diagnostics go to stderr.
# Order: $DATABASE_URL if set; a server on 127.0.0.1:5432; start an installed but
# stopped server; install one with apt-get when we are root. Never SQLite.
set -euo pipefail

say() { echo "ensure-postgres: $*" >&2; }
fail() {
  say "$*"
  say "No PostgreSQL available: install and start PostgreSQL (apt-get install postgresql), or set DATABASE_URL=postgres://user:password@host:5432/name, then run 'make test' again."
  exit 1
}

if [ -n "${DATABASE_URL:-}" ]; then
  echo "$DATABASE_URL"
  exit 0
fi

HOST=127.0.0.1
PORT=5432

running() { pg_isready -q -h "$HOST" -p "$PORT" 2>/dev/null; }

start_clusters() {
  local version
  for version in $(ls /etc/postgresql 2>/dev/null); do
    say "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
      || pg_ctlcluster "$version" main start || true
  done
}

if ! running; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    start_clusters
  elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "PostgreSQL is not installed; installing it with apt-get"
    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql) >&2 \
      || fail "apt-get could not install PostgreSQL."
    start_clusters
  else
    fail "PostgreSQL is neither running on $HOST:$PORT nor installed, and we are not root."
  fi
  for _ in $(seq 1 30); do running && break; sleep 1; done
  running || fail "PostgreSQL did not start on $HOST:$PORT."
fi

# Trust authentication (as on CI machines): connect as postgres without a password.
# Create the (empty) database the settings name; pytest-django makes test_<name> beside it.
create_database() {
  psql "$1" -Atqc "select 1 from pg_database where datname = 'pps'" | grep -q 1 \
    || psql "$1" -Atqc "create database pps" >&2
}

if psql -h "$HOST" -p "$PORT" -U postgres -d postgres -Atqc "select 1" >/dev/null 2>&1; then
  create_database "postgres://postgres@$HOST:$PORT/postgres"
  echo "postgres://postgres@$HOST:$PORT/pps"
  exit 0
fi

# A stock Debian install asks for a password over TCP: create a dedicated test role
# through the local socket (as the postgres system user) and use that.
if [ "$(id -u)" = "0" ] && command -v runuser >/dev/null 2>&1; then
  runuser -u postgres -- psql -Atqc "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pps_test') THEN
        CREATE ROLE pps_test LOGIN CREATEDB PASSWORD 'pps_test';
      END IF; END \$\$;" >&2 || fail "Could not create the test role pps_test."
  create_database "postgres://pps_test:pps_test@$HOST:$PORT/postgres"
  echo "postgres://pps_test:pps_test@$HOST:$PORT/pps"
  exit 0
fi

fail "PostgreSQL runs on $HOST:$PORT but refuses the user postgres without a password."
