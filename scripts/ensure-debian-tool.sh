#!/usr/bin/env bash
# Make sure a tool from a Debian package is installed; never download a build of it.
#
#   scripts/ensure-debian-tool.sh COMMAND PACKAGE MAKE_TARGET
#
# COMMAND is a name on PATH or an absolute path; as root with apt-get, PACKAGE is installed
# when COMMAND is missing; otherwise the message says how to install it and which make target
# to run again. Used for Chromium (browser tests) and wrk (load test).
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: scripts/ensure-debian-tool.sh COMMAND PACKAGE MAKE_TARGET" >&2
  exit 2
fi
tool="$1" package="$2" target="$3"
if command -v "$tool" >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-debian-tool: installing Debian's $package with apt-get" >&2
  apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >&2
  exit 0
fi
echo "ensure-debian-tool: $tool is missing: run 'sudo apt-get install $package', then 'make $target' again." >&2
exit 1
