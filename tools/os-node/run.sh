#!/usr/bin/env bash
# Start one real single-node OpenSearch 2.19 bound to 127.0.0.1: tools/search-node/run.sh os (see its header for options).
#   tools/os-node/run.sh [--build-only|--foreground|--log-stdout|--stdin-eof|--wait SECS] DIR [PORT]
exec bash "$(dirname "${BASH_SOURCE[0]}")/../search-node/run.sh" os "$@"
