#!/usr/bin/env bash
# The web map's load timings in Chromium: WebMapLoadTimingTest opens the demo city (gis-data/, 946
# cells) on a fresh server and database at 1366x768 and prints navigation timing, the first grid tile
# drawn (first meaningful paint) and all tiles in view for a restarted server (gridwatch serve in a
# new JVM, at once and after its tile warm-up), a reload and a warm server with an empty browser cache, then the time tiles take to come in after each pan at village zoom,
# over new ground and again over the same ground. The figures and the load average go to stdout and
# to $BUILD_DIR/screenshots/timings.txt (with a screenshot of each view).
#
# Usage: bench/web-map.sh            (or ./gridwatch bench web-map)
# Environment: BUILD_DIR (target-bench), GRIDWATCH_DB_URL (the private cluster on GRIDWATCH_PG_PORT,
#   55432), GRIDWATCH_DB_USER (gridwatch; may create databases), GRIDWATCH_CHROMIUM
#   (/usr/lib/chromium/chromium).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD_DIR:-target-bench}"
export GRIDWATCH_DB_URL="${GRIDWATCH_DB_URL:-jdbc:postgresql://127.0.0.1:${GRIDWATCH_PG_PORT:-55432}/gridwatch}"
export GRIDWATCH_DB_USER="${GRIDWATCH_DB_USER:-gridwatch}"
echo "web-map: load average before the build: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
(cd "$ROOT" && mvn -q -B -DbuildDir="$BUILD" test -Dtest=WebMapLoadTimingTest -Dsurefire.failIfNoSpecifiedTests=false)
cat "$ROOT/$BUILD/screenshots/timings.txt"
