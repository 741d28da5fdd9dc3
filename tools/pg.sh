#!/usr/bin/env bash
# Usage: tools/pg.sh [install]
# Make sure the PostgreSQL server binaries the tests use are installed (Debian package `postgresql`, 15).
# The tests start their own throwaway cluster (tests/support/postgres.py); this script only installs.
# Idempotent; needs root (CI and the dev machines run as root) or sudo.
set -euo pipefail
case "${1:-install}" in
  install) ;;
  *) echo "usage: tools/pg.sh [install]" >&2; exit 2 ;;
esac
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q postgresql >/dev/null
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || { echo "tools/pg.sh: initdb still missing" >&2; exit 1; }
echo "tools/pg.sh: installed $(ls -d /usr/lib/postgresql/*/bin | tail -1)"
