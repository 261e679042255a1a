#!/usr/bin/env bash
# City-year statistics at the issue's scale: generates the bench register if missing
# (var/bench-city: the demo grid with 50,000 sources, 500 stations, 200,000 patrols, 20,000 problems),
# loads it into a dedicated database with plain SQL COPY (cn.gridwatch.bench.StatsBench --load), runs
# the statistics and rankings RUNS times in-process, then serves the database on a free loopback port
# and runs them RUNS times over HTTP with an API token. Prints median, p95, min, max and load averages.
#
# Usage: bench/stats-bench.sh
# Environment: GRIDWATCH_PG_PORT (55432), BENCH_DB (bench_stats), REUSE (0: drop and recreate the
#   database; 1: keep it if it is loaded), RUNS (20), BUILD_DIR (target-bench), GRIDWATCH_JAVA_OPTS (-Xmx2g).
# Needs the private cluster running (./gridwatch db start), psql, curl and python3. The server is
# stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_PORT="${GRIDWATCH_PG_PORT:-55432}"
BENCH_DB="${BENCH_DB:-bench_stats}"
REUSE="${REUSE:-0}"
RUNS="${RUNS:-20}"
BUILD_DIR="${BUILD_DIR:-target-bench}"
JAVA_OPTS="${GRIDWATCH_JAVA_OPTS:--Xmx2g}"
DATA=var/bench-city
RUN_DIR="var/bench/stats-$(date +%Y%m%d-%H%M%S)"
JAR="$BUILD_DIR/gridwatch.jar"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U gridwatch)
PASSWORD_FILE="var/$BENCH_DB.admin-password"

say() { printf 'stats-bench: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
# shellcheck source=bench/auth.sh
. bench/auth.sh
"${PSQL[@]}" -d postgres -tAc 'select 1' >/dev/null 2>&1 \
    || die "no PostgreSQL on 127.0.0.1:$PG_PORT; start the private cluster with ./gridwatch db start"
[[ "$BENCH_DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "BENCH_DB must be a plain lower-case identifier, but was: $BENCH_DB"
mkdir -p "$RUN_DIR"

say "building $JAR and the test class path"
timeout 900 mvn -q -B -DbuildDir="$BUILD_DIR" package -DskipTests
timeout 600 mvn -q -B -DbuildDir="$BUILD_DIR" test-compile
timeout 600 mvn -q -B -DbuildDir="$BUILD_DIR" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$BUILD_DIR/bench-classpath.txt" >/dev/null
CP="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench-classpath.txt")"

if [ ! -f "$DATA/registers/patrols.csv" ]; then
    say "generating the bench register into $DATA"
    timeout 600 java $JAVA_OPTS -jar "$JAR" generate --mode demo --scale bench --out "$DATA"
fi

if [ "$REUSE" != 1 ] || [ ! -f "$PASSWORD_FILE" ]; then
    say "recreating database $BENCH_DB"
    "${PSQL[@]}" -d postgres -c "drop database if exists $BENCH_DB" -c "create database $BENCH_DB"
    python3 -c 'import secrets; print("bench-" + secrets.token_urlsafe(18))' >"$PASSWORD_FILE"
    chmod 600 "$PASSWORD_FILE"
fi
export GRIDWATCH_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB"
export GRIDWATCH_DB_USER=gridwatch

say "load and in-process runs (load average before: $(loadavg))"
timeout 1800 java $JAVA_OPTS -cp "$CP" cn.gridwatch.bench.StatsBench --load --dir="$DATA" --runs="$RUNS" \
    | tee "$RUN_DIR/in-process.txt"
"${PSQL[@]}" -d "$BENCH_DB" -tAc "select 'rows: sources ' || (select count(*) from pollution_source)
    || ', stations ' || (select count(*) from monitoring_point) || ', patrols ' || (select count(*) from patrol_record)
    || ', patrol_source ' || (select count(*) from patrol_source) || ', complaints ' || (select count(*) from complaint)
    || ', problems ' || (select count(*) from problem)" | tee -a "$RUN_DIR/in-process.txt"

PORT=$(gw_free_port)
say "serving $BENCH_DB on 127.0.0.1:$PORT"
GRIDWATCH_HOST=127.0.0.1 GRIDWATCH_PORT="$PORT" GRIDWATCH_ADMIN_PASSWORD="$(cat "$PASSWORD_FILE")" \
    java $JAVA_OPTS -jar "$JAR" serve >"$RUN_DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
gw_bench_wait_healthy "$PORT" "$SERVER" "$RUN_DIR/server.log" || die "the server did not start"
GRIDWATCH_TOKEN=$(gw_bench_token "http://127.0.0.1:$PORT" admin "$(cat "$PASSWORD_FILE")" bench-stats) \
    || die "could not get an API token as admin (log: $RUN_DIR/server.log)"
export GRIDWATCH_TOKEN
gw_bench_check_auth "http://127.0.0.1:$PORT/api/grids/432002001/summary" "$GRIDWATCH_TOKEN" \
    || die "authentication does not work as the benchmark expects"

say "HTTP runs (load average before: $(loadavg))"
timeout 1800 java -cp "$CP" cn.gridwatch.bench.StatsBench --http="http://127.0.0.1:$PORT" --runs="$RUNS" \
    | tee "$RUN_DIR/http.txt"
echo "load average after: $(loadavg); output in $RUN_DIR"
