#!/usr/bin/env bash
# Runs cn.gridwatch.bench.CityPlanBench (test scope): a 300-target, 15-team, 5-day joint plan
# on the demo city (gis-data/counties.geojson), against a 5-minute run. Great-circle times without a
# database; --db=JDBC_URL (a throwaway database) imports gis-data/roads.osm and uses the road network.
# Usage: bench/city-plan-bench.sh [--seed=20250512] [--targets=300] [--teams=15] [--days=5] [--long-seconds=300] [--limits=30,60]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-target-bench}"
mvn -q -B -DbuildDir="$BUILD_DIR" test-compile
mvn -q -B -DbuildDir="$BUILD_DIR" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$BUILD_DIR/bench-classpath.txt" >/dev/null
CP="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench-classpath.txt")"
exec java -Xmx2g -cp "$CP" cn.gridwatch.bench.CityPlanBench "$@"
