#!/usr/bin/env bash
# Make sure Debian's wrk (the HTTP load tool of `make loadtest`) is installed.
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-wrk: installing Debian's wrk with apt-get" >&2
  apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >&2
  exit 0
fi
echo "ensure-wrk: wrk is missing: run 'sudo apt-get install wrk', then 'make loadtest' again." >&2
exit 1
