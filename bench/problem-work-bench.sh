#!/usr/bin/env bash
# Runs cn.gridwatch.bench.ProblemWorkBench (test scope): problem lists and station dispatch at city scale.
# Usage: GRIDWATCH_DB_URL=jdbc:postgresql://127.0.0.1:55432/gridwatch bench/problem-work-bench.sh \
#            [--sources=50000] [--stations=500] [--problems=20000] [--requests=300] [--seed=42]
# A fresh database is created (and dropped) on the server GRIDWATCH_DB_URL names; the demo city comes from gis-data/.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${GRIDWATCH_DB_URL:?set GRIDWATCH_DB_URL to a PostGIS server, e.g. jdbc:postgresql://127.0.0.1:55432/gridwatch}"
BUILD_DIR="${BUILD_DIR:-target-bench}"
mvn -q -B -DbuildDir="$BUILD_DIR" test-compile
mvn -q -B -DbuildDir="$BUILD_DIR" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$BUILD_DIR/bench-classpath.txt" >/dev/null
CP="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench-classpath.txt")"
exec java -Xms1g -Xmx3g -cp "$CP" cn.gridwatch.bench.ProblemWorkBench "$@"
