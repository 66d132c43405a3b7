#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests; never download a browser build.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian's chromium with apt-get" >&2
  apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2
  exit 0
fi
echo "ensure-chromium: /usr/bin/chromium is missing: run 'sudo apt-get install chromium', then 'make test' again." >&2
exit 1
