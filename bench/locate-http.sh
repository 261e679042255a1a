#!/usr/bin/env bash
# Locate endpoint under load: generates the province grid (or reuses var/bench/province), imports it
# level by level into a dedicated database of the private cluster (timed, with QA), serves it on a
# free loopback port and runs wrk with random points in the province extent.
# Prints the import times, requests/s, p50/p99 latency, non-2xx responses and the server's RSS.
# Every API route needs credentials: the server starts with GRIDWATCH_ADMIN_PASSWORD (a random one per
# run unless set; the database is fresh, so this creates the user admin), the script signs in as admin,
# creates an API token and wrk sends it as "Authorization: Bearer". Any non-2xx answer (warm-up or
# measured run) or socket error makes the script fail (exit 1) after printing the figures.
#
# Usage: bench/locate-http.sh
# Environment: GRIDWATCH_PG_PORT (55432), BENCH_DB (bench_http; dropped and recreated), DURATION (30s),
#   CONNECTIONS (16), THREADS (2), BUILD_DIR (target-bench), GRIDWATCH_JAVA_OPTS (-Xmx2g).
# Needs the private cluster running (./gridwatch db start), psql and wrk. Loopback only; every step
# is bounded by a timeout; the server is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_PORT="${GRIDWATCH_PG_PORT:-55432}"
BENCH_DB="${BENCH_DB:-bench_http}"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
BUILD_DIR="${BUILD_DIR:-target-bench}"
JAVA_OPTS="${GRIDWATCH_JAVA_OPTS:--Xmx2g}"
ADMIN_PASSWORD="${GRIDWATCH_ADMIN_PASSWORD:-bench-$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')}"
GRID_DIR=var/bench/province
RUN_DIR="var/bench/http-$(date +%Y%m%d-%H%M%S)"
JAR="$BUILD_DIR/gridwatch.jar"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U gridwatch)

say() { printf 'locate-http: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
command -v wrk >/dev/null || die "wrk is not installed"
# shellcheck source=bench/auth.sh
. bench/auth.sh
"${PSQL[@]}" -d postgres -tAc 'select 1' >/dev/null 2>&1 \
    || die "no PostgreSQL on 127.0.0.1:$PG_PORT; start the private cluster with ./gridwatch db start"
[[ "$BENCH_DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "BENCH_DB must be a plain lower-case identifier, but was: $BENCH_DB"
mkdir -p "$RUN_DIR"

say "building $JAR"
timeout 600 mvn -q -B -DbuildDir="$BUILD_DIR" package -DskipTests

if [ ! -f "$GRID_DIR/villages.geojson" ]; then
    say "generating the province grid into $GRID_DIR"
    timeout 600 java $JAVA_OPTS -jar "$JAR" generate --mode province --out "$GRID_DIR"
fi

say "recreating database $BENCH_DB"
"${PSQL[@]}" -d postgres -c "drop database if exists $BENCH_DB" -c "create database $BENCH_DB"
export GRIDWATCH_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB"
export GRIDWATCH_DB_USER=gridwatch

declare -A FILES=([city]=city.geojson [county]=counties.geojson [township]=townships.geojson [village]=villages.geojson)
for level in city county township village; do
    start=$(date +%s.%N)
    timeout 600 java $JAVA_OPTS -jar "$JAR" import "$GRID_DIR/${FILES[$level]}" --level "$level" --crs EPSG:4490 \
        --valid-from 2024-01-01 >"$RUN_DIR/import-$level.txt" 2>"$RUN_DIR/import-$level.log" \
        || { tail -20 "$RUN_DIR/import-$level.log" "$RUN_DIR/import-$level.txt" >&2; die "import of $level failed"; }
    end=$(date +%s.%N)
    printf 'import %-8s (with QA): %6.1f s wall incl. JVM start; %s\n' "$level" "$(echo "$end - $start" | bc)" \
        "$(grep -m1 'timings ms' "$RUN_DIR/import-$level.txt" || echo 'no timings line')"
done
"${PSQL[@]}" -d "$BENCH_DB" -tAc "select level, count(*) from grid_cell group by level order by level" | tr '\n' ' '
echo
read -r MINX MINY MAXX MAXY < <("${PSQL[@]}" -d "$BENCH_DB" -tA -F ' ' -c \
    "select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) from (select ST_Extent(geom) e from grid_cell) t")

PORT=$(gw_free_port)
say "serving $BENCH_DB on 127.0.0.1:$PORT"
GRIDWATCH_HOST=127.0.0.1 GRIDWATCH_PORT="$PORT" GRIDWATCH_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    java $JAVA_OPTS -jar "$JAR" serve >"$RUN_DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
gw_bench_wait_healthy "$PORT" "$SERVER" "$RUN_DIR/server.log" || die "the server did not start"
GRIDWATCH_TOKEN=$(gw_bench_token "http://127.0.0.1:$PORT" admin "$ADMIN_PASSWORD" bench-locate-http) \
    || die "could not get an API token as admin (log: $RUN_DIR/server.log)"
export GRIDWATCH_TOKEN   # read by the Lua script below; never written to a file
probe="http://127.0.0.1:$PORT/api/grids/locate?lon=$(echo "($MINX + $MAXX) / 2" | bc -l)&lat=$(echo "($MINY + $MAXY) / 2" | bc -l)"
gw_bench_check_auth "$probe" "$GRIDWATCH_TOKEN" || die "authentication does not work as the benchmark expects"
say "probe: $(curl -fs -H "Authorization: Bearer $GRIDWATCH_TOKEN" "$probe" | head -c 300)"

cat >"$RUN_DIR/locate.lua" <<LUA
-- random points in the province extent ($MINX $MINY, $MAXX $MAXY), a new one per request,
-- authenticated with the API token in GRIDWATCH_TOKEN
local token = os.getenv("GRIDWATCH_TOKEN")
if not token or token == "" then error("GRIDWATCH_TOKEN is not set") end
wrk.headers["Authorization"] = "Bearer " .. token
math.randomseed(os.time() + (tonumber(tostring({}):sub(8)) or 0))
request = function()
  local lon = ($MINX) + math.random() * (($MAXX) - ($MINX))
  local lat = ($MINY) + math.random() * (($MAXY) - ($MINY))
  return wrk.format("GET", string.format("/api/grids/locate?lon=%.6f&lat=%.6f", lon, lat))
end
LUA

say "warm-up 10 s"
timeout 60 wrk -t "$THREADS" -c "$CONNECTIONS" -d 10s -s "$RUN_DIR/locate.lua" "http://127.0.0.1:$PORT" >"$RUN_DIR/warm-up.txt"
if grep -q 'Non-2xx' "$RUN_DIR/warm-up.txt"; then cat "$RUN_DIR/warm-up.txt" >&2; die "the warm-up got non-2xx answers"; fi
say "wrk -t $THREADS -c $CONNECTIONS -d $DURATION --latency (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
timeout 600 wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency -s "$RUN_DIR/locate.lua" \
    "http://127.0.0.1:$PORT" | tee "$RUN_DIR/wrk.txt"
rss=$(awk '/VmRSS/ {print $2 " " $3}' "/proc/$SERVER/status")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$RUN_DIR/wrk.txt")
sockerr=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' "$RUN_DIR/wrk.txt")
echo "---"
echo "requests/s: $(awk '/Requests\/sec/ {print $2}' "$RUN_DIR/wrk.txt")"
echo "latency p50: $(awk '$1 == "50%" {print $2}' "$RUN_DIR/wrk.txt"), p99: $(awk '$1 == "99%" {print $2}' "$RUN_DIR/wrk.txt")"
echo "non-2xx: ${non2xx:-0}; socket errors: $(grep -m1 'Socket errors' "$RUN_DIR/wrk.txt" || echo none)"
echo "server RSS: $rss; load average: $(cut -d' ' -f1-3 /proc/loadavg); output in $RUN_DIR"
if [ "${non2xx:-0}" != 0 ] || [ "${sockerr:-0}" != 0 ]; then
    die "FAILED: ${non2xx:-0} non-2xx answers and ${sockerr:-0} socket errors (want 0; see $RUN_DIR/wrk.txt, $RUN_DIR/server.log)"
fi
