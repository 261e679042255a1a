#!/usr/bin/env bash
# Runs cn.gridwatch.bench.GetMapRenderBench (test scope): GetMap's drawing and PNG encoding in one
# thread, without HTTP or a database, over the demo city's villages (gis-data).
# Usage: bench/getmap-render.sh [--zoom=12] [--maps=2000] [--runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-target-bench}"
mvn -q -B -DbuildDir="$BUILD_DIR" test-compile
mvn -q -B -DbuildDir="$BUILD_DIR" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$BUILD_DIR/bench-classpath.txt" >/dev/null
CP="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench-classpath.txt")"
exec java -Xmx1g -Dfile.encoding=UTF-8 -cp "$CP" cn.gridwatch.bench.GetMapRenderBench "$@"
