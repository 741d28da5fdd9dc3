#!/usr/bin/env bash
# Start one real search server node (Elasticsearch 8.19 or OpenSearch 2.19, the vendor's own jars from
# Maven Central) bound to 127.0.0.1. The one launcher behind tools/es-node/run.sh and tools/os-node/run.sh; each
# engine keeps its own main class and pom.xml (different server jars) in its own folder, and both compile the
# launcher code they share from src/ here (trackit.searchnode.Launcher: command line, folders, settings, cluster
# mode, pid and port files, the stdin watch).
#
# Usage:
#   tools/search-node/run.sh ENGINE [options] DIR [PORT]      (or: tools/es-node/run.sh, tools/os-node/run.sh)
#     ENGINE es (tools/es-node, Elasticsearch) or os (tools/os-node, OpenSearch); below, E stands for it
#     DIR   work directory (created): home/, data/, logs/, tmp/ go below it; also
#           DIR/E.log     node log (stdout+stderr of the JVM)
#           DIR/E.pid     JVM process id (written at launch)
#           DIR/http.port bound HTTP port (written once the node listens; absent before)
#     PORT  HTTP port, 0 (default) = any free port; read the real one from DIR/http.port
#   Options:
#     --build-only   only build (if needed) and exit
#     --foreground   exec the JVM in the foreground (log still goes to DIR/E.log unless --log-stdout)
#     --log-stdout   with --foreground: log to stdout/stderr instead of DIR/E.log
#     --stdin-eof    with --foreground: stop the node when standard input closes (tests keep a pipe open)
#     --wait SECS    background mode: wait up to SECS (default 180) for http.port, print the URL; 0 = don't wait
#   Environment: ES_NODE_HEAP / OS_NODE_HEAP (default 512m), JAVA (default: java on PATH), MVN (default: mvn).
#   Cluster mode (E_NODE_ being ES_NODE_ or OS_NODE_): E_NODE_NAME, E_NODE_TRANSPORT_PORT, E_NODE_SEED_HOSTS
#   (every node's 127.0.0.1:transport port) and E_NODE_INITIAL_MASTERS; without E_NODE_SEED_HOSTS: one node.
#
# Background mode (default) prints "http://127.0.0.1:PORT" and leaves the node running; stop it with
#   kill "$(cat DIR/E.pid)"
# The build (mvn package + dependency:build-classpath into target/) is skipped while target/ was built from the
# same pom.xml and sources and every jar on the class path is still in ~/.m2. The first build downloads from Maven
# Central (~70 MB for es, ~45 MB for os); later builds and starts need no network.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
case "${1:-}" in
    es) ENGINE=es HEAP="${ES_NODE_HEAP:-512m}" MAIN=trackit.esnode.EsNode ;;
    os) ENGINE=os HEAP="${OS_NODE_HEAP:-512m}" MAIN=trackit.osnode.OsNode ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: first argument must be the engine, es or os (got '${1:-}')" >&2; exit 2 ;;
esac
shift
NAME="$ENGINE-node"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../$NAME" && pwd)"
MVN="${MVN:-mvn}"
JAVA="${JAVA:-java}"

build_only=0 foreground=0 log_stdout=0 stdin_eof=0 wait_secs=180
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --build-only) build_only=1 ;;
        --foreground) foreground=1 ;;
        --log-stdout) log_stdout=1 ;;
        --stdin-eof) stdin_eof=1 ;;
        --wait) wait_secs="$2"; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
        *) args+=("$1") ;;
    esac
    shift
done

build_stamp() {  # this engine's pom and sources, and the launcher code both share (tools/search-node/src)
    (cd "$HERE/.." && cat "$NAME/pom.xml" $(find "$NAME/src" search-node/src -type f -name '*.java' | LC_ALL=C sort)) \
        | sha256sum | cut -d' ' -f1
}

build_is_current() {
    [ -f "$HERE/target/build.stamp" ] && [ -f "$HERE/target/classpath.txt" ] \
        && [ -f "$HERE/target/$NAME-1.0.jar" ] || return 1
    [ "$(cat "$HERE/target/build.stamp")" = "$(build_stamp)" ] || return 1
    local jar
    while IFS= read -r jar; do
        [ -f "$jar" ] || return 1
    done < <(tr ':' '\n' < "$HERE/target/classpath.txt")
    return 0
}

build() {
    mkdir -p "$HERE/target"
    # One build at a time (parallel test processes may all call this).
    exec 9>"$HERE/target/.build.lock"
    flock 9
    if ! build_is_current; then
        echo "$NAME: building (mvn package)..." >&2
        local stamp
        stamp="$(build_stamp)"
        # Offline first (everything in ~/.m2 already: no network at all); online only for a first build.
        if ! (cd "$HERE" && "$MVN" -B -q -o -Dstyle.color=never -DskipTests package) >"$HERE/target/.offline-build.log" 2>&1; then
            echo "$NAME: offline build impossible, resolving from Maven Central (first build)..." >&2
            (cd "$HERE" && "$MVN" -B -q -Dstyle.color=never -DskipTests package) >&2
        fi
        echo "$stamp" > "$HERE/target/build.stamp"
    fi
    flock -u 9
    exec 9>&-
}

build
[ "$build_only" = 1 ] && exit 0

if [ "${#args[@]}" -lt 1 ]; then
    echo "usage: run.sh [--build-only|--foreground|--log-stdout|--stdin-eof|--wait SECS] DIR [PORT]" >&2
    exit 2
fi
DIR="$(mkdir -p "${args[0]}" && cd "${args[0]}" && pwd)"
PORT="${args[1]:-0}"
mkdir -p "$DIR/tmp"
rm -f "$DIR/http.port"

cmd=("$JAVA"
    "-Xms256m" "-Xmx$HEAP"
    "-XX:+UseG1GC" "-XX:-OmitStackTraceInFastThrow"
    "-Djava.io.tmpdir=$DIR/tmp"
    "-Dfile.encoding=UTF-8"
    "-Dio.netty.noUnsafe=true" "-Dio.netty.noKeySetOptimization=true"
    "-Dio.netty.recycler.maxCapacityPerThread=0"
    "-Dlog4j.shutdownHookEnabled=false" "-Dlog4j2.disable.jmx=true" "-Dlog4j2.formatMsgNoLookups=true"
    "-cp" "$HERE/target/$NAME-1.0.jar:$(cat "$HERE/target/classpath.txt")"
    "$MAIN" "--dir" "$DIR" "--port" "$PORT")

if [ "$foreground" = 1 ]; then
    [ "$stdin_eof" = 1 ] && cmd+=("--exit-on-stdin-eof")
    echo "$$" > "$DIR/$ENGINE.pid"   # exec keeps the pid
    if [ "$log_stdout" = 1 ]; then
        exec "${cmd[@]}"
    fi
    exec "${cmd[@]}" >>"$DIR/$ENGINE.log" 2>&1
fi

nohup "${cmd[@]}" >>"$DIR/$ENGINE.log" 2>&1 </dev/null &
pid=$!
echo "$pid" > "$DIR/$ENGINE.pid"
[ "$wait_secs" = 0 ] && { echo "$NAME: started pid $pid, port in $DIR/http.port" >&2; exit 0; }

deadline=$(( $(date +%s) + wait_secs ))
while [ ! -s "$DIR/http.port" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "$NAME: JVM exited before listening; last log lines:" >&2
        tail -n 40 "$DIR/$ENGINE.log" >&2
        exit 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
        echo "$NAME: not listening after ${wait_secs}s (pid $pid still running); last log lines:" >&2
        tail -n 40 "$DIR/$ENGINE.log" >&2
        exit 1
    fi
    sleep 0.3
done
echo "http://127.0.0.1:$(cat "$DIR/http.port")"
