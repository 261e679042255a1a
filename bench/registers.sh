#!/usr/bin/env bash
# Register benchmark: generates 50,000 sources and 200,000 patrol records in the demo city
# (cn.gridwatch.bench.RegisterBenchData), loads the demo grid into a dedicated database of the private
# cluster, times ./gridwatch import-register for both files (first import and an unchanged re-import,
# wall time including JVM start and the grid index build), then serves the database and measures
# the list queries with wrk (bench/load/registers.lua): p50/p95/p99 per query. The server's start-up
# re-assignment check over all located rows is timed too.
#
# Usage: bench/registers.sh
# Environment: GRIDWATCH_PG_PORT (55432), BENCH_DB (bench_registers; dropped and recreated),
#   SOURCES (50000), PATROLS (200000), DURATION (20s per query), CONNECTIONS (8), THREADS (2),
#   BUILD_DIR (target-bench-registers), GRIDWATCH_JAVA_OPTS (-Xmx2g), SKIP_IMPORT (1: reuse the loaded
#   database and measure the queries only).
# Needs the private cluster (./gridwatch db start), psql, curl, python3 and wrk. Loopback only; the
# server is stopped on exit. Fails when any answer is not 2xx.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_PORT="${GRIDWATCH_PG_PORT:-55432}"
BENCH_DB="${BENCH_DB:-bench_registers}"
SOURCES="${SOURCES:-50000}"
PATROLS="${PATROLS:-200000}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-8}"
THREADS="${THREADS:-2}"
BUILD_DIR="${BUILD_DIR:-target-bench-registers}"
JAVA_OPTS="${GRIDWATCH_JAVA_OPTS:--Xmx2g}"
ADMIN_PASSWORD="${GRIDWATCH_ADMIN_PASSWORD:-bench-$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')}"
DATA_DIR=var/bench/registers
RUN_DIR="var/bench/registers-$(date +%Y%m%d-%H%M%S)"
JAR="$BUILD_DIR/gridwatch.jar"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U gridwatch)

say() { printf 'registers: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
command -v wrk >/dev/null || die "wrk is not installed"
# shellcheck source=bench/auth.sh
. bench/auth.sh
"${PSQL[@]}" -d postgres -tAc 'select 1' >/dev/null 2>&1 \
    || die "no PostgreSQL on 127.0.0.1:$PG_PORT; start the private cluster with ./gridwatch db start"
[[ "$BENCH_DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "BENCH_DB must be a plain lower-case identifier, but was: $BENCH_DB"
mkdir -p "$RUN_DIR" "$DATA_DIR"

say "building $JAR and the test class path"
timeout 900 mvn -q -B -DbuildDir="$BUILD_DIR" package -DskipTests
timeout 600 mvn -q -B -DbuildDir="$BUILD_DIR" test-compile
timeout 600 mvn -q -B -DbuildDir="$BUILD_DIR" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$BUILD_DIR/bench-classpath.txt" >/dev/null
CP="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench-classpath.txt")"

export GRIDWATCH_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB"
export GRIDWATCH_DB_USER=gridwatch
if [ "${SKIP_IMPORT:-0}" != 1 ]; then
say "generating $SOURCES sources and $PATROLS patrols into $DATA_DIR"
timeout 600 java $JAVA_OPTS -cp "$CP" cn.gridwatch.bench.RegisterBenchData --grid gis-data --out "$DATA_DIR" \
    --sources "$SOURCES" --patrols "$PATROLS"

say "recreating database $BENCH_DB and loading the demo grid"
"${PSQL[@]}" -d postgres -c "drop database if exists $BENCH_DB" -c "create database $BENCH_DB"
declare -A FILES=([city]=city.geojson [county]=counties.geojson [township]=townships.geojson [village]=villages.geojson)
for level in city county township village; do
    timeout 600 java $JAVA_OPTS -jar "$JAR" import "gis-data/${FILES[$level]}" --level "$level" --crs EPSG:4490 \
        --valid-from 2024-01-01 --no-qa >"$RUN_DIR/grid-$level.txt" 2>&1 || { cat "$RUN_DIR/grid-$level.txt" >&2; die "grid import failed"; }
done

import_register() { # REGISTER FILE LABEL
    local start end
    start=$(date +%s.%N)
    timeout 900 java $JAVA_OPTS -jar "$JAR" import-register "$1" "$2" >"$RUN_DIR/$3.txt" 2>&1 \
        || { tail -30 "$RUN_DIR/$3.txt" >&2; die "import-register $1 failed"; }
    end=$(date +%s.%N)
    printf '%-26s %6.1f s wall incl. JVM start (load %s): %s\n' "$3" "$(echo "$end - $start" | bc)" "$(load)" \
        "$(grep -m1 ' import of ' "$RUN_DIR/$3.txt" | sed 's/.*committed, //')"
}
say "load before the imports: $(load)"
import_register sources "$DATA_DIR/sources.csv" "import sources"
import_register sources "$DATA_DIR/sources.csv" "re-import sources"
import_register patrols "$DATA_DIR/patrols.csv" "import patrols"
import_register patrols "$DATA_DIR/patrols.csv" "re-import patrols"
"${PSQL[@]}" -d "$BENCH_DB" -tAc "vacuum analyze"
fi
COUNTIES=$("${PSQL[@]}" -d "$BENCH_DB" -tAc "select string_agg(code, ',') from grid_cell where level = 2 and valid_to is null")
EXTENT=$("${PSQL[@]}" -d "$BENCH_DB" -tA -F ',' -c \
    "select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) from (select ST_Extent(geom) e from grid_cell where level = 1) t")
"${PSQL[@]}" -d "$BENCH_DB" -tAc "select 'rows: ' || (select count(*) from pollution_source) || ' sources, '
    || (select count(*) from patrol_record) || ' patrols, ' || (select count(*) from patrol_source) || ' patrol links, '
    || (select count(*) from grid_assignment) || ' assignments'"

# make the server's start-up catch-up re-assign every located row (a full scan and locate; no row
# changes cells, so this times the check, not the updates)
"${PSQL[@]}" -d "$BENCH_DB" -tAc "update register_grid_state set grid_version = -1"

PORT=$(gw_free_port)
say "serving $BENCH_DB on 127.0.0.1:$PORT"
GRIDWATCH_HOST=127.0.0.1 GRIDWATCH_PORT="$PORT" GRIDWATCH_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    java $JAVA_OPTS -jar "$JAR" serve >"$RUN_DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
gw_bench_wait_healthy "$PORT" "$SERVER" "$RUN_DIR/server.log" || die "the server did not start"
echo "start-up re-assignment check: $(grep -m1 'registers re-assigned' "$RUN_DIR/server.log" | sed 's/.*INFO //')"
GRIDWATCH_TOKEN=$(gw_bench_token "http://127.0.0.1:$PORT" admin "$ADMIN_PASSWORD" bench-registers) \
    || die "could not get an API token as admin (log: $RUN_DIR/server.log)"
export GRIDWATCH_TOKEN GRIDWATCH_COUNTIES="$COUNTIES" GRIDWATCH_EXTENT="$EXTENT" GRIDWATCH_WRK_STATUS=1
first=${COUNTIES%%,*}
gw_bench_check_auth "http://127.0.0.1:$PORT/api/sources?grid=$first&class=key&limit=50" "$GRIDWATCH_TOKEN" \
    || die "authentication does not work as the benchmark expects"
say "probe: $(curl -fs -H "Authorization: Bearer $GRIDWATCH_TOKEN" "http://127.0.0.1:$PORT/api/sources?grid=$first&class=key&limit=1" | head -c 300)"

failed=0
for q in sources-county sources-bbox patrols-county patrols-bbox; do
    export GRIDWATCH_QUERY=$q
    timeout 120 wrk -t "$THREADS" -c "$CONNECTIONS" -d 5s -s bench/load/registers.lua "http://127.0.0.1:$PORT" \
        >"$RUN_DIR/warm-$q.txt"
    before=$(load)
    timeout 600 wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" -s bench/load/registers.lua \
        "http://127.0.0.1:$PORT" >"$RUN_DIR/wrk-$q.txt"
    printf '%-15s %8s req/s, %s; load %s / %s\n' "$q" "$(awk '/Requests\/sec/ {print $2}' "$RUN_DIR/wrk-$q.txt")" \
        "$(grep -m1 '^p50' "$RUN_DIR/wrk-$q.txt")" "$before" "$(load)"
    if grep -q 'Non-2xx\|^status' "$RUN_DIR/wrk-$q.txt"; then
        grep 'Non-2xx\|^status' "$RUN_DIR/wrk-$q.txt" >&2
        failed=1
    fi
done
echo "server RSS: $(awk '/VmRSS/ {print $2 " " $3}' "/proc/$SERVER/status"); output in $RUN_DIR"
[ "$failed" = 0 ] || die "FAILED: some answers were not 2xx (see $RUN_DIR)"
