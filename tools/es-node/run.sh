#!/usr/bin/env bash
# Start one real single-node Elasticsearch 8.19 bound to 127.0.0.1: tools/search-node/run.sh es (see its header for options).
#   tools/es-node/run.sh [--build-only|--foreground|--log-stdout|--stdin-eof|--wait SECS] DIR [PORT]
exec bash "$(dirname "${BASH_SOURCE[0]}")/../search-node/run.sh" es "$@"
