#!/usr/bin/env bash
# Where gridwatch's GetMap spends its time: the demo city served from its own database (BENCH_DB,
# default bench_profile) with Java Flight Recorder on, driven by wrk with getmap.lua (the village
# layer, 256 x 256 PNG tiles in EPSG:3857 at ZOOM, the same requests as run.sh), then a summary of
# the jdk.ExecutionSample events: the hottest methods by self time and by inclusive time (samples
# whose stack contains them), and the share of samples per area (rendering, PNG encoding, database,
# HTTP...). The recording stays in the output directory for `jfr print` or JDK Mission Control.
#
# Usage: bench/mapserver/profile.sh
# Environment: DURATION (30 s recorded), WARMUP (15 s, not recorded), ZOOM (12), CONNS (2),
#   BUILD_DIR (target-profile), BENCH_DB (bench_profile), GRIDWATCH_PG_PORT (55432),
#   GRIDWATCH_JAVA_OPTS (-Xmx1g), TOP (25 methods listed).
# Needs the private cluster (./gridwatch db start), wrk, curl, python3 and the JDK's jfr tool. The
# server is stopped by PID and the database dropped on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/mapserver"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-15}"
ZOOM="${ZOOM:-12}"
CONNS="${CONNS:-2}"
TOP="${TOP:-25}"
PG_PORT="${GRIDWATCH_PG_PORT:-55432}"
PG_USER=gridwatch
BENCH_DB="${BENCH_DB:-bench_profile}"
BUILD="${BUILD_DIR:-target-profile}"
JAVA_OPTS="${GRIDWATCH_JAVA_OPTS:--Xmx1g}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER")
say() { printf 'getmap-profile: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
for tool in wrk curl python3 jfr jcmd; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
"${PSQL[@]}" -d postgres -tAc 'select 1' >/dev/null 2>&1 || die "no PostgreSQL on 127.0.0.1:$PG_PORT (./gridwatch db start)"

OUT=$(mktemp -d /tmp/gridwatch-profile.XXXXXX)
SERVER_PID=""
cleanup() {
    set +e
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    "${PSQL[@]}" -d postgres -c "drop database if exists $BENCH_DB with (force)" >/dev/null 2>&1
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -f "$ROOT/$BUILD/gridwatch.jar" ] || [ "${REBUILD:-0}" = 1 ]; then
    say "building $BUILD/gridwatch.jar"
    (cd "$ROOT" && timeout 600 mvn -q -B -DbuildDir="$BUILD" -DskipTests package)
fi
"${PSQL[@]}" -d postgres -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"
"${PSQL[@]}" -d "$BENCH_DB" -c "create extension if not exists postgis"

# shellcheck source=bench/auth.sh
. "$ROOT/bench/auth.sh"
PORT=$(gw_free_port)
(cd "$ROOT" && GRIDWATCH_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB" GRIDWATCH_DB_USER="$PG_USER" \
    GRIDWATCH_HOST=127.0.0.1 GRIDWATCH_PORT="$PORT" \
    exec java $JAVA_OPTS -XX:+FlightRecorder -Dfile.encoding=UTF-8 -jar "$ROOT/$BUILD/gridwatch.jar" demo --data gis-data) \
    >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
gw_bench_wait_healthy "$PORT" "$SERVER_PID" "$OUT/server.log" || die "gridwatch did not start"
GRIDWATCH_TOKEN=$(gw_bench_token "http://127.0.0.1:$PORT" admin gridwatch-admin bench-profile) || die "no API token"
export GRIDWATCH_TOKEN

say "warm-up ${WARMUP} s (not recorded)"
TARGET=gridwatch ZOOM=$ZOOM wrk -t2 -c"$CONNS" -d"${WARMUP}s" -s "$HERE/getmap.lua" "http://127.0.0.1:$PORT" >/dev/null
jcmd "$SERVER_PID" JFR.start name=getmap settings=profile filename="$OUT/getmap.jfr" >/dev/null
echo "date: $(date -Is); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
TARGET=gridwatch ZOOM=$ZOOM wrk -t2 -c"$CONNS" -d"${DURATION}s" -s "$HERE/getmap.lua" "http://127.0.0.1:$PORT" \
    | tee "$OUT/wrk.txt" | grep -E 'Requests/sec|p50_ms|p95_ms|errors'
jcmd "$SERVER_PID" JFR.stop name=getmap >/dev/null
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
jfr print --json --stack-depth 64 --events jdk.ExecutionSample,jdk.NativeMethodSample "$OUT/getmap.jfr" >"$OUT/samples.json"
python3 "$HERE/jfr_summary.py" "$OUT/samples.json" "$TOP"
echo "recording: $OUT/getmap.jfr"
