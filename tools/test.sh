#!/usr/bin/env bash
# The whole test suite on a fresh machine: install what is missing, lint, type-check, start the real servers the
# tests need (PostgreSQL from Debian's package, an Elasticsearch node built from Maven Central jars), run pytest.
# Under CI=true a server that cannot start is a failure, never a skip. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bash tools/setup.sh --dev
export MPLCONFIGDIR=${MPLCONFIGDIR:-$(mktemp -d)}
export PYTHONDONTWRITEBYTECODE=1

echo "== lint, format, types, import contracts"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/lint-imports

echo "== servers"
bash tools/pg.sh install            # Debian's postgresql package when initdb is missing
work=$(mktemp -d /tmp/trackit-test.XXXXXX)
es_pid=""
# SIGTERM: a background job of a non-interactive shell ignores SIGINT. The node dies with its launcher.
cleanup() { [ -n "$es_pid" ] && kill -TERM "$es_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
if [ -z "${ES_URL:-}" ]; then
  # One node for the whole run (every xdist worker shares it); it dies with this script.
  .venv/bin/python -m tests.support.es_node --dir "$work/es" --url-file "$work/es.url" > "$work/es.out" 2>&1 &
  es_pid=$!
  for _ in $(seq 1 900); do
    [ -f "$work/es.url" ] && break
    if ! kill -0 "$es_pid" 2>/dev/null; then cat "$work/es.out"; echo "Elasticsearch node failed to start" >&2; exit 1; fi
    sleep 1
  done
  [ -f "$work/es.url" ] || { cat "$work/es.out"; echo "Elasticsearch node did not become healthy" >&2; exit 1; }
  ES_URL=$(cat "$work/es.url")
  export ES_URL
fi
echo "Elasticsearch at $ES_URL"

echo "== tests"
.venv/bin/pytest -n 2 --dist loadgroup -q "$@"
