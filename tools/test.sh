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
cleanup() {
  [ -n "${ES_PID_FILE:-}" ] && [ -f "$ES_PID_FILE" ] && kill "$(cat "$ES_PID_FILE")" 2>/dev/null || true
}
trap cleanup EXIT
if [ -z "${ES_URL:-}" ]; then
  ES_PID_FILE=$work/es.pid
  .venv/bin/python -m tests.es_node --workdir "$work/es" --pid-file "$ES_PID_FILE" --url-file "$work/es.url" --detach
  ES_URL=$(cat "$work/es.url")
  export ES_URL
fi
echo "Elasticsearch at $ES_URL"

echo "== tests"
.venv/bin/pytest -n 2 --dist loadgroup -q "$@"
