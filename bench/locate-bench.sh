#!/usr/bin/env bash
# Runs cn.gridwatch.bench.LocateBench (test scope) with the project's class path.
# Usage: bench/locate-bench.sh [--points=1000000] [--runs=5] [--db=jdbc:postgresql://...] ...
# The PostGIS part runs when --db or GRIDWATCH_DB_URL is given.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-target-bench}"
mvn -q -B -DbuildDir="$BUILD_DIR" test-compile
mvn -q -B -DbuildDir="$BUILD_DIR" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$BUILD_DIR/bench-classpath.txt" >/dev/null
CP="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench-classpath.txt")"
exec java -Xms2g -Xmx6g -cp "$CP" cn.gridwatch.bench.LocateBench "$@"
