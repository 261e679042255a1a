#!/usr/bin/env bash
# GetMap throughput and latency, gridwatch against MapServer, on the same PostGIS table (see
# bench/README.md "GetMap vs MapServer"). Installs cgi-mapserver, mapserver-bin and lighttpd if
# missing (needs root), loads the demo city with `gridwatch demo` into its own database (BENCH_DB,
# default bench_ms) in the private cluster (127.0.0.1:$GRIDWATCH_PG_PORT), serves the same table with
# mapserv as FastCGI behind lighttpd (MS_PROCS persistent processes) and runs wrk with getmap.lua:
# village layer only, 256 x 256 PNG in EPSG:3857, zooms ZOOMS (12 13) x connections CONNS (2 16),
# WARMUP then DURATION seconds each, after one JIT_WARMUP of gridwatch. Prints req/s, p50, p95, p99 and errors (non-2xx, 2xx not PNG).
# Everything it starts is stopped by PID on exit; runtime files in a temp dir; the database is dropped.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/mapserver"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-3}"
JIT_WARMUP="${JIT_WARMUP:-20}"   # once, before all runs: gridwatch at zoom 12 and 13, 16 connections (JIT)
ZOOMS="${ZOOMS:-12 13}"
CONNS="${CONNS:-2 16}"
MS_PROCS="${MS_PROCS:-4}"
PG_PORT="${GRIDWATCH_PG_PORT:-55432}"
PG_USER=gridwatch
BENCH_DB="${BENCH_DB:-bench_ms}"
BUILD="${BUILD_DIR:-target-ms}"
JAVA_OPTS="${GRIDWATCH_JAVA_OPTS:--Xmx1g}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER")
say() { printf 'mapserver-bench: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

missing=()
command -v mapserv >/dev/null || missing+=(cgi-mapserver mapserver-bin)
command -v lighttpd >/dev/null || missing+=(lighttpd)
command -v wrk >/dev/null || missing+=(wrk)
if [ "${#missing[@]}" -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "install ${missing[*]} (needs root)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi
"${PSQL[@]}" -d postgres -tAc 'select 1' >/dev/null 2>&1 || die "no PostgreSQL on 127.0.0.1:$PG_PORT (./gridwatch db start)"

OUT=$(mktemp -d /tmp/gridwatch-ms.XXXXXX)
chmod 755 "$OUT"
SERVER_PID=""; LIGHTTPD_PID=""
cleanup() {
    set +e
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    if [ -n "$LIGHTTPD_PID" ]; then
        # lighttpd does not stop the mapserv processes it spawned: stop them by PID first
        MS_PIDS=$(pgrep -P "$LIGHTTPD_PID" -x mapserv || true)
        [ -n "$MS_PIDS" ] && kill $MS_PIDS 2>/dev/null
        kill "$LIGHTTPD_PID" 2>/dev/null && wait "$LIGHTTPD_PID" 2>/dev/null
    fi
    "${PSQL[@]}" -d postgres -c "drop database if exists $BENCH_DB with (force)" >/dev/null 2>&1
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# shellcheck source=bench/auth.sh
. "$ROOT/bench/auth.sh"

if [ ! -f "$ROOT/$BUILD/gridwatch.jar" ] || [ "${REBUILD:-0}" = 1 ]; then
    say "building $BUILD/gridwatch.jar"
    (cd "$ROOT" && timeout 600 mvn -q -B -DbuildDir="$BUILD" -DskipTests package)
fi
"${PSQL[@]}" -d postgres -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"
"${PSQL[@]}" -d "$BENCH_DB" -c "create extension if not exists postgis"

PORT=$(gw_free_port)
(cd "$ROOT" && GRIDWATCH_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB" GRIDWATCH_DB_USER="$PG_USER" \
    GRIDWATCH_HOST=127.0.0.1 GRIDWATCH_PORT="$PORT" \
    exec java $JAVA_OPTS -Dfile.encoding=UTF-8 -jar "$ROOT/$BUILD/gridwatch.jar" demo --data gis-data) \
    >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
gw_bench_wait_healthy "$PORT" "$SERVER_PID" "$OUT/server.log" || die "gridwatch did not start"
GRIDWATCH_TOKEN=$(gw_bench_token "http://127.0.0.1:$PORT" admin gridwatch-admin bench-ms) || die "no API token"
export GRIDWATCH_TOKEN
VILLAGES=$("${PSQL[@]}" -d "$BENCH_DB" -tAc "select count(*) from grid_cell where level = 4 and kind = 'admin' and valid_to is null")
say "gridwatch on port $PORT; $VILLAGES current village cells"

MS_PORT=$(gw_free_port)
sed "s|@PG@|host=127.0.0.1 port=$PG_PORT dbname=$BENCH_DB user=$PG_USER|" "$HERE/gridwatch.map.in" >"$OUT/gridwatch.map"
sed "s|@MAP@|$OUT/gridwatch.map|" "$HERE/mapserver.conf.in" >"$OUT/mapserver.conf"
sed -e "s|@PORT@|$MS_PORT|" -e "s|@DIR@|$OUT|g" -e "s|@PROCS@|$MS_PROCS|" -e "s|@CONF@|$OUT/mapserver.conf|" \
    "$HERE/lighttpd.conf.in" >"$OUT/lighttpd.conf"
lighttpd -D -f "$OUT/lighttpd.conf" >"$OUT/lighttpd.out" 2>&1 &
LIGHTTPD_PID=$!
sleep 1
kill -0 "$LIGHTTPD_PID" 2>/dev/null || { cat "$OUT/lighttpd.out" "$OUT/lighttpd-error.log" >&2; die "lighttpd did not start"; }

# one request to each, checked: both must answer a PNG with some green village lines
check() {
    local url=$1 f=$2; shift 2
    curl -sf -m 30 "$@" -o "$OUT/$f" -w '%{content_type}\n' "$url" >"$OUT/$f.type" || die "$url failed"
    grep -q '^image/png' "$OUT/$f.type" || { head -c 600 "$OUT/$f" >&2; die "$url is not a PNG"; }
}
B="SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=grid_village&CRS=EPSG:3857&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=true"
BBOX="BBOX=12553481,3208861,12563265,3218645"   # 9,784 m square (zoom-12 tile size) inside the city
check "http://127.0.0.1:$PORT/wms?$B&STYLES=outline&$BBOX" gw.png -H "Authorization: Bearer $GRIDWATCH_TOKEN"
check "http://127.0.0.1:$MS_PORT/mapserv?$B&STYLES=&$BBOX" ms.png
say "sample images: $OUT/gw.png $OUT/ms.png"

say "JIT warm-up: gridwatch ${JIT_WARMUP} s"
for z in $ZOOMS; do
    TARGET=gridwatch ZOOM=$z wrk -t2 -c16 -d"$((JIT_WARMUP / 2))s" -s "$HERE/getmap.lua" "http://127.0.0.1:$PORT" >/dev/null
done
sleep 5
echo "date: $(date -Is); $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t2, ${WARMUP} s warm-up then ${DURATION} s per run; gridwatch java $JAVA_OPTS; MapServer $(mapserv -v | awk '{print $3}') FastCGI x $MS_PROCS behind lighttpd $(lighttpd -v 2>&1 | awk '{print $1}' | head -1)"
echo "| server | zoom | connections | requests | req/s | p50 ms | p95 ms | p99 ms | errors | load after |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for z in $ZOOMS; do
    for c in $CONNS; do
        for target in gridwatch mapserver; do
            p=$PORT; [ "$target" = mapserver ] && p=$MS_PORT
            TARGET=$target ZOOM=$z wrk -t2 -c"$c" -d"${WARMUP}s" -s "$HERE/getmap.lua" "http://127.0.0.1:$p" >/dev/null
            out="$OUT/wrk-$target-z$z-c$c.txt"
            TARGET=$target ZOOM=$z wrk -t2 -c"$c" -d"${DURATION}s" --timeout 10s -s "$HERE/getmap.lua" \
                "http://127.0.0.1:$p" >"$out"
            sock=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' "$out"); sock=${sock:-0}
            errs=$(( $(awk '/^errors/ {print $2}' "$out") + sock ))
            printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$target" "$z" "$c" \
                "$(awk '/requests in/ {print $1}' "$out")" "$(awk '/^Requests\/sec/ {print $2}' "$out")" \
                "$(awk '/^p50_ms/ {print $2}' "$out")" "$(awk '/^p95_ms/ {print $2}' "$out")" \
                "$(awk '/^p99_ms/ {print $2}' "$out")" "$errs" "$(cut -d' ' -f1 /proc/loadavg)"
        done
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); raw wrk output in $OUT"
