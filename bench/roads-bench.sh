#!/usr/bin/env bash
# Runs cn.gridwatch.bench.RoadBench (test scope): OSM import time (monaco, demo) and travel-matrix
# times for 100 and 300 points, in-memory engine vs pgRouting, in a throwaway database on the server
# of GRIDWATCH_DB_URL. Usage: bench/roads-bench.sh [--runs=3] [--sizes=100,300] [--pg-runs=1]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${GRIDWATCH_DB_URL:?set GRIDWATCH_DB_URL (./gridwatch bench roads-bench sets it)}"
BUILD_DIR="${BUILD_DIR:-target-bench}"
mvn -q -B -DbuildDir="$BUILD_DIR" test-compile
mvn -q -B -DbuildDir="$BUILD_DIR" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$BUILD_DIR/bench-classpath.txt" >/dev/null
CP="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench-classpath.txt")"
echo "uptime: $(uptime)"
java -Xmx2g -cp "$CP" cn.gridwatch.bench.RoadBench "$@"
echo "uptime: $(uptime)"
