#!/usr/bin/env bash
# Load test on loopback with wrk (see bench/LOAD.md): the demo city served by gridwatch, then
#  1. steady: locate, list and WMS GetMap (ENDPOINTS, default all three), DURATION seconds each at
#     CONNECTIONS connections; req/s, p50/p99, errors, server RSS;
#  2. restart: the same endpoints on a throwaway PostgreSQL cluster that this script creates, with
#     `pg_ctl restart -m fast` half-way; failed requests and the time until /health answers 200 again.
# Phase 1 uses the private cluster (127.0.0.1:$GRIDWATCH_PG_PORT, started with ./gridwatch db start if
# it is not running) in its own database gridwatch_load; phase 2 never touches that cluster.
# Every API route needs credentials: after each server start the script signs in as the demo's
# administrator (GRIDWATCH_BENCH_USER / GRIDWATCH_BENCH_PASSWORD, default admin / gridwatch-admin, the
# documented demo account), creates an API token and wrk sends it as "Authorization: Bearer".
# The steady phase fails (exit 1) on any non-2xx answer or socket error; the restart phase counts
# the non-2xx answers by status and fails on any that is not 503 (a 401 would mean broken auth).
# GetMap also fails on any 2xx answer that is not image/png (a WMS error is an HTTP 200 XML
# ServiceExceptionReport), in both phases.
# Everything the script starts is stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-60}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
PG_PORT="${GRIDWATCH_PG_PORT:-55432}"
PG_USER="${GRIDWATCH_DB_USER:-gridwatch}"
LOAD_DB="gridwatch_load"
BUILD="${BUILD_DIR:-target-load}"
PHASES="${PHASES:-steady restart}"
ENDPOINTS="${ENDPOINTS:-locate,list,getmap}"   # comma-separated subset of locate,list,getmap
JAVA_OPTS="${GRIDWATCH_JAVA_OPTS:--Xmx1g}"
BENCH_USER="${GRIDWATCH_BENCH_USER:-admin}"
BENCH_PASSWORD="${GRIDWATCH_BENCH_PASSWORD:-gridwatch-admin}"
export GRIDWATCH_BENCH_DIR="$ROOT/bench"   # where the bench/load/*.lua scripts find common.lua
# shellcheck source=bench/auth.sh
. "$ROOT/bench/auth.sh"

say() { printf 'load: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)"
FAILED=0
IFS=', ' read -r -a EPS <<<"$ENDPOINTS"
[ "${#EPS[@]}" -gt 0 ] || die "ENDPOINTS is empty (want a subset of locate,list,getmap)"
for ep in "${EPS[@]}"; do
    case "$ep" in locate|list|getmap) ;; *) die "unknown endpoint '$ep' in ENDPOINTS (want locate, list, getmap)";; esac
done

PG_BIN=""
for v in $(ls /usr/lib/postgresql 2>/dev/null | sort -n); do
    [ -f "/usr/share/postgresql/$v/extension/postgis.control" ] && PG_BIN="/usr/lib/postgresql/$v/bin"
done
[ -n "$PG_BIN" ] || die "no PostgreSQL with PostGIS under /usr/lib/postgresql"
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

SERVER_PID=""
STARTED_PRIVATE=0
DROP_LOAD_DB=0
THROWAWAY=""
cleanup() {
    set +e
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    if [ "$DROP_LOAD_DB" = 1 ]; then
        "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "drop database if exists $LOAD_DB with (force)" >/dev/null
    fi
    [ "$STARTED_PRIVATE" = 1 ] && "$ROOT/gridwatch" db stop
    if [ -n "$THROWAWAY" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$THROWAWAY/data" -m immediate -w stop >/dev/null 2>&1
        rm -rf "$THROWAWAY"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "building $BUILD/gridwatch.jar"
(cd "$ROOT" && mvn -q -B -DbuildDir="$BUILD" -DskipTests package)
JAR="$ROOT/$BUILD/gridwatch.jar"

# start_server DB_URL: demo data loaded, serving on a free loopback port; sets SERVER_PID, PORT
start_server() {
    PORT=$(gw_free_port)
    (cd "$ROOT" && GRIDWATCH_DB_URL="$1" GRIDWATCH_DB_USER="$PG_USER" GRIDWATCH_HOST=127.0.0.1 GRIDWATCH_PORT="$PORT" \
        exec java $JAVA_OPTS -Dfile.encoding=UTF-8 -jar "$JAR" demo --data gis-data) >"$OUT/server-$2.log" 2>&1 &
    SERVER_PID=$!
    gw_bench_wait_healthy "$PORT" "$SERVER_PID" "$OUT/server-$2.log" || die "the server did not start"
    # a token per server (each phase has its own database); wrk reads it from the environment
    GRIDWATCH_TOKEN=$(gw_bench_token "http://127.0.0.1:$PORT" "$BENCH_USER" "$BENCH_PASSWORD" "bench-load-$2") \
        || die "could not get an API token (as $BENCH_USER)"
    export GRIDWATCH_TOKEN
    gw_bench_check_auth "http://127.0.0.1:$PORT/api/grids/locate?lon=113&lat=27.65" "$GRIDWATCH_TOKEN" \
        || die "authentication does not work as the benchmark expects"
    gw_bench_check_auth "http://127.0.0.1:$PORT/api/grids?level=village&limit=100" "$GRIDWATCH_TOKEN" \
        || die "authentication does not work as the benchmark expects"
    gw_bench_check_auth "http://127.0.0.1:$PORT/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=grid_village&STYLES=&CRS=EPSG:3857&BBOX=12572362.412,3199348.256,12582146.352,3209132.196&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=true" \
        "$GRIDWATCH_TOKEN" || die "authentication does not work as the benchmark expects"
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$SERVER_PID/status"; }
# warm SCRIPT: 5 s at 4 connections; fails on any non-2xx answer (e.g. 401: the token is not accepted)
# or a 2xx of the wrong content type (GetMap: a WMS exception report instead of a PNG)
warm() {
    local out="$OUT/warm-$1-$(date +%s%N).txt"
    wrk -t1 -c4 -d5s -s "$ROOT/bench/load/$1.lua" "http://127.0.0.1:$PORT" >"$out"
    if grep -q 'Non-2xx' "$out"; then cat "$out" >&2; die "warm-up of $1 got non-2xx answers"; fi
    if grep -q '^bad content-type' "$out"; then cat "$out" >&2; die "warm-up of $1 got answers of the wrong content type"; fi
}
# bad_types FILE: 2xx answers of the wrong content type ("bad content-type T: N" lines of common.lua)
bad_types() { awk '/^bad content-type / {n += $NF} END {print n + 0}' "$1"; }
# type_col NAME N: the table cell for N (n/a for the JSON endpoints, which are not checked)
type_col() { if [ "$1" = getmap ]; then echo "$2"; else echo "n/a"; fi; }

# run_wrk NAME SCRIPT: prints one summary row
run_wrk() {
    local out="$OUT/wrk-$1.txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$ROOT/bench/load/$2.lua" \
        "http://127.0.0.1:$PORT" >"$out"
    local rps p50 p99 non2xx sock total bad
    rps=$(awk '/^Requests\/sec/ {print $2}' "$out")
    total=$(awk '/requests in/ {print $1}' "$out")
    p50=$(awk '$1=="50%" {print $2}' "$out")
    p99=$(awk '$1=="99%" {print $2}' "$out")
    non2xx=$(awk '/Non-2xx/ {print $5}' "$out"); non2xx=${non2xx:-0}
    sock=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' "$out"); sock=${sock:-0}
    bad=$(bad_types "$out")
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$total" "$rps" "$p50" "$p99" "$non2xx" \
        "$(type_col "$1" "$bad")" "$sock" "$(rss)"
    if [ "$non2xx" != 0 ] || [ "$sock" != 0 ] || [ "$bad" != 0 ]; then
        say "FAILED: $1 had $non2xx non-2xx answers, $bad 2xx answers of the wrong content type and $sock socket errors (see $out)"
        FAILED=1
    fi
}

OUT=$(mktemp -d /tmp/gridwatch-load.XXXXXX)
say "outputs in $OUT"
echo "date: $(date -Is); $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on loopback; server java $JAVA_OPTS"

if [[ " $PHASES " == *" steady "* ]]; then
    if ! "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -q; then
        say "the private cluster is not running; starting it"
        "$ROOT/gridwatch" db start
        STARTED_PRIVATE=1
    fi
    psqlp() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qc "$2" -d "$1" >/dev/null; }
    psqlp postgres "drop database if exists $LOAD_DB with (force)"
    psqlp postgres "create database $LOAD_DB"
    DROP_LOAD_DB=1
    psqlp "$LOAD_DB" "create extension if not exists postgis"
    start_server "jdbc:postgresql://127.0.0.1:$PG_PORT/$LOAD_DB" steady
    echo
    echo "steady (private cluster, database $LOAD_DB); RSS after startup: $(rss)"
    echo "| endpoint | requests | req/s | p50 | p99 | non-2xx | 2xx not image/png | socket errors | server RSS after |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for ep in "${EPS[@]}"; do warm "$ep"; done
    for ep in "${EPS[@]}"; do run_wrk "$ep" "$ep"; done
    stop_server
fi

# restart_run NAME SCRIPT: wrk for DURATION with `pg_ctl restart -m fast` at half time
restart_run() {
    GRIDWATCH_WRK_STATUS=1 wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency \
        -s "$ROOT/bench/load/$2.lua" "http://127.0.0.1:$PORT" >"$OUT/wrk-restart-$1.txt" &
    local wrk_pid=$!
    sleep $((DURATION / 2 - 2 > 0 ? DURATION / 2 - 2 : 1))
    local t0 t1 poll="$OUT/health-$1.txt"
    t0=$(date +%s%N)
    # from the moment of the restart: poll /health every 100 ms for 20 s, logging "ms-since-restart status"
    ( end=$((t0 + 20000000000)); while [ "$(date +%s%N)" -lt "$end" ]; do
          code=$(curl -s -o /dev/null -m 15 -w '%{http_code} %{time_total}' "http://127.0.0.1:$PORT/health" || true)
          echo "$(( ($(date +%s%N) - t0) / 1000000 )) $code"; sleep 0.1
      done ) >"$poll" &
    local poll_pid=$!
    as_pg "$PG_BIN/pg_ctl" -D "$THROWAWAY/data" -m fast -w restart -l "$THROWAWAY/log" >/dev/null
    t1=$(date +%s%N)
    wait "$poll_pid"
    # recovered = the first 200 after the last failed poll (0 when no poll failed)
    local failed recovered slowest
    slowest=$(awk '$3 > m {m=$3} END {printf "%.0f", m * 1000}' "$poll")
    failed=$(awk '$2 != 200' "$poll" | wc -l)
    recovered=$(awk '$2 != 200 {last=NR} {t[NR]=$1} END {print (last ? t[last+1] : 0)}' "$poll")
    wait "$wrk_pid"
    local out="$OUT/wrk-restart-$1.txt"
    local total non2xx sock p99 bad
    total=$(awk '/requests in/ {print $1}' "$out")
    p99=$(awk '$1=="99%" {print $2}' "$out")
    non2xx=$(awk '/Non-2xx/ {print $5}' "$out"); non2xx=${non2xx:-0}
    sock=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' "$out"); sock=${sock:-0}
    local by_status other
    by_status=$(awk '/^status [0-9]+:/ {printf "%s%s %s", sep, $2, $3; sep=", "}' "$out")
    other=$(awk '/^status [0-9]+:/ && $2 != "503:" {n += $3} END {print n + 0}' "$out")
    bad=$(bad_types "$out")
    printf '| %s | %s | %s | %s | %s | %s | %s | %d ms | %s ms (%d of %d polls failed; slowest poll %s ms) | %s |\n' "$1" "$total" \
        "$non2xx" "${by_status:-none}" "$(type_col "$1" "$bad")" "$sock" "$p99" $(( (t1 - t0) / 1000000 )) "${recovered:-?}" "$failed" \
        "$(wc -l <"$poll")" "$slowest" "$(rss)"
    if [ "$other" != 0 ]; then
        say "FAILED: $1 got $other non-2xx answers other than 503 during the restart ($by_status; see $out)"
        FAILED=1
    fi
    if [ "$bad" != 0 ]; then
        say "FAILED: $1 got $bad 2xx answers of the wrong content type during the restart (see $out)"
        FAILED=1
    fi
}

if [[ " $PHASES " == *" restart "* ]]; then
    THROWAWAY=$(mktemp -d /var/tmp/gridwatch-load-pg.XXXXXX)
    chmod 755 "$THROWAWAY"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$THROWAWAY"
    TPORT=$(gw_free_port)
    as_pg "$PG_BIN/initdb" -D "$THROWAWAY/data" -U "$PG_USER" --auth=trust -E UTF8 --locale=C --no-sync >/dev/null
    as_pg "$PG_BIN/pg_ctl" -D "$THROWAWAY/data" -w -l "$THROWAWAY/log" \
        -o "-p $TPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=" start >/dev/null
    "$PG_BIN/psql" -h 127.0.0.1 -p "$TPORT" -U "$PG_USER" -d postgres -qc "create database $LOAD_DB" >/dev/null
    "$PG_BIN/psql" -h 127.0.0.1 -p "$TPORT" -U "$PG_USER" -d "$LOAD_DB" -qc "create extension postgis" >/dev/null
    start_server "jdbc:postgresql://127.0.0.1:$TPORT/$LOAD_DB" restart
    for ep in "${EPS[@]}"; do warm "$ep"; done
    echo
    echo "restart (throwaway cluster on port $TPORT, pg_ctl restart -m fast after $((DURATION / 2)) s)"
    echo "| endpoint | requests | non-2xx | by status | 2xx not image/png | socket errors | p99 | pg_ctl restart took | /health 200 again after | server RSS after |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    for ep in "${EPS[@]}"; do restart_run "$ep" "$ep"; done
    stop_server
fi
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$FAILED" = 0 ] || die "FAILED: non-2xx answers or socket errors where none are allowed (see above and $OUT)"
