#!/usr/bin/env bash
# PNG tiles, cached against uncached, on loopback with wrk: the demo city served by gridwatch from its
# own database (tiles_bench) in the private cluster; zoom-17 village tiles in the default style
# (outline_labels). Uncached: every request is a tile not asked before (the walk in
# bench/load/png-tiles.lua), so each is read from PostGIS, drawn and encoded. Cached: TILE_SET tiles,
# warmed first, asked at random. Prints req/s, p50, p99 for both and the ratios. Requests carry an API
# token of the demo administrator; any non-2xx answer or socket error fails the script (exit 1).
#
# Usage: bench/tiles-cached.sh
# Environment: DURATION (5, seconds per run), CONNECTIONS (8), THREADS (2), TILE_SET (64), TILE_LAYER
#   (grid_village; any published layer, e.g. grid_overdue or pollution_sources), PROFILE_CACHED (0; 1 records
#   the cached run with JFR and prints the server's hottest frames),
#   GRIDWATCH_PG_PORT (55432), BUILD_DIR (target-bench), GRIDWATCH_JAVA_OPTS (-Xmx1g).
# Needs the private cluster running (./gridwatch db start), psql, curl, python3 and wrk. The server
# and the database are removed on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-5}"
CONNECTIONS="${CONNECTIONS:-8}"
THREADS="${THREADS:-2}"
export TILE_SET="${TILE_SET:-64}"
export TILE_LAYER="${TILE_LAYER:-grid_village}"
PG_PORT="${GRIDWATCH_PG_PORT:-55432}"
PG_USER=gridwatch
BENCH_DB=tiles_bench
BUILD="${BUILD_DIR:-target-bench}"
JAVA_OPTS="${GRIDWATCH_JAVA_OPTS:--Xmx1g}"
export GRIDWATCH_BENCH_DIR="$ROOT/bench"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER")

say() { printf 'tiles-cached: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
command -v wrk >/dev/null || die "wrk is not installed"
# shellcheck source=bench/auth.sh
. "$ROOT/bench/auth.sh"
"${PSQL[@]}" -d postgres -tAc 'select 1' >/dev/null 2>&1 \
    || die "no PostgreSQL on 127.0.0.1:$PG_PORT; start the private cluster with ./gridwatch db start"

SERVER_PID=""
OUT=$(mktemp -d /tmp/gridwatch-tiles.XXXXXX)
cleanup() {
    set +e
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    "${PSQL[@]}" -d postgres -c "drop database if exists $BENCH_DB with (force)" >/dev/null 2>&1
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "building $BUILD/gridwatch.jar"
(cd "$ROOT" && timeout 600 mvn -q -B -DbuildDir="$BUILD" -DskipTests package)
"${PSQL[@]}" -d postgres -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"
"${PSQL[@]}" -d "$BENCH_DB" -c "create extension if not exists postgis"

PORT=$(gw_free_port)
(cd "$ROOT" && GRIDWATCH_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB" GRIDWATCH_DB_USER="$PG_USER" \
    GRIDWATCH_HOST=127.0.0.1 GRIDWATCH_PORT="$PORT" \
    exec java $JAVA_OPTS -Dfile.encoding=UTF-8 -jar "$ROOT/$BUILD/gridwatch.jar" demo --data gis-data) \
    >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
gw_bench_wait_healthy "$PORT" "$SERVER_PID" "$OUT/server.log" || die "the server did not start"
GRIDWATCH_TOKEN=$(gw_bench_token "http://127.0.0.1:$PORT" admin gridwatch-admin bench-tiles) || die "no API token"
export GRIDWATCH_TOKEN
gw_bench_check_auth "http://127.0.0.1:$PORT/tiles/grid_village/12/3333/1720.png" "$GRIDWATCH_TOKEN" \
    || die "authentication check failed"

# run MODE: wrk with png-tiles.lua; sets RPS P50 P99 (ms) and fails on any non-2xx or socket error
run() {
    local out="$OUT/wrk-$1.txt"
    TILE_MODE=$1 WRK_THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency \
        -s "$ROOT/bench/load/png-tiles.lua" "http://127.0.0.1:$PORT" >"$out"
    if grep -q 'Non-2xx\|Socket errors' "$out"; then cat "$out" >&2; die "$1: non-2xx answers or socket errors"; fi
    RPS=$(awk '/^Requests\/sec/ {print $2}' "$out")
    P50=$(awk '$1=="50%" {print $2}' "$out" | python3 -c "$MS")
    P99=$(awk '$1=="99%" {print $2}' "$out" | python3 -c "$MS")
    printf '| %s | %s | %s | %s | %s |\n' "$1" "$(awk '/requests in/ {print $1}' "$out")" "$RPS" "$P50" "$P99"
}
# wrk prints latencies as 812.00us, 3.21ms or 1.02s: to milliseconds
MS='import re, sys
v, u = re.fullmatch(r"([\d.]+)(us|ms|s)", sys.stdin.read().strip()).groups()
print(round(float(v) * {"us": 0.001, "ms": 1, "s": 1000}[u], 3))'

echo "date: $(date -Is); $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on loopback; server java $JAVA_OPTS; zoom-17 $TILE_LAYER PNG tiles"
echo "| tiles | requests | req/s | p50 ms | p99 ms |"
echo "|---|---|---|---|---|"
run uncached
U_RPS=$RPS; U_P50=$P50
TILE_MODE=warm wrk -t1 -c1 -d3s -s "$ROOT/bench/load/png-tiles.lua" "http://127.0.0.1:$PORT" >"$OUT/warm.txt"
if [ "${PROFILE_CACHED:-0}" = 1 ]; then
    jcmd "$SERVER_PID" JFR.start name=cached settings=profile filename="$OUT/cached.jfr" >/dev/null
fi
run cached
if [ "${PROFILE_CACHED:-0}" = 1 ]; then
    jcmd "$SERVER_PID" JFR.stop name=cached >/dev/null
    echo "cached run, top frames of the server's execution samples (jfr, $OUT/cached.jfr):"
    jfr print --events jdk.ExecutionSample "$OUT/cached.jfr" | awk '/stackTrace = \[/ {getline; print}' \
        | sed 's/line:.*//' | sort | uniq -c | sort -rn | head -25
fi
python3 - "$U_RPS" "$RPS" "$U_P50" "$P50" <<'PY'
import sys
ur, cr, up, cp = map(float, sys.argv[1:])
print(f"cached / uncached: {cr / ur:.1f}x the requests per second, p50 {up / cp:.1f}x lower")
PY
