#!/usr/bin/env bash
# The whole test suite on a fresh machine: install what is missing, lint, type-check, start the real servers the
# tests need (PostgreSQL from Debian's package, Elasticsearch and OpenSearch nodes built from Maven Central jars),
# run pytest.
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
node_pids=()
# SIGTERM: a background job of a non-interactive shell ignores SIGINT. Each node dies with its launcher.
cleanup() { for pid in "${node_pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# One node of each kind for the whole run (every xdist worker shares it), started at once: the JVM starts
# overlap instead of adding up. Small heaps (Elasticsearch's launcher defaults to 512m): the tests hold a few
# small indices at a time, and both JVMs share the machine with the tests.
export OS_NODE_HEAP=${OS_NODE_HEAP:-384m}
start_node() {  # name module
  .venv/bin/python -m "tests.support.$2" --dir "$work/$1" --url-file "$work/$1.url" > "$work/$1.out" 2>&1 &
  node_pids+=($!)
}
wait_node() {  # name label pid
  for _ in $(seq 1 900); do
    [ -f "$work/$1.url" ] && return 0
    if ! kill -0 "$3" 2>/dev/null; then cat "$work/$1.out"; echo "$2 node failed to start" >&2; exit 1; fi
    sleep 1
  done
  cat "$work/$1.out"; echo "$2 node did not become healthy" >&2; exit 1
}
# Build first, one after the other (a no-op when current): two Maven runs must not fill one ~/.m2 at once.
if [ -z "${ES_URL:-}" ]; then bash tools/es-node/run.sh --build-only; fi
if [ -z "${OS_URL:-}" ]; then bash tools/os-node/run.sh --build-only; fi
es_pid="" os_pid=""
if [ -z "${ES_URL:-}" ]; then start_node es es_node; es_pid=${node_pids[-1]}; fi
if [ -z "${OS_URL:-}" ]; then start_node os os_node; os_pid=${node_pids[-1]}; fi
if [ -n "$es_pid" ]; then wait_node es Elasticsearch "$es_pid"; ES_URL=$(cat "$work/es.url"); export ES_URL; fi
if [ -n "$os_pid" ]; then wait_node os OpenSearch "$os_pid"; OS_URL=$(cat "$work/os.url"); export OS_URL; fi
echo "Elasticsearch at $ES_URL, OpenSearch at $OS_URL"

echo "== tests"
.venv/bin/pytest -n 2 --dist loadgroup -q "$@"
