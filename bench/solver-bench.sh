#!/usr/bin/env bash
# Runs cn.gridwatch.bench.SolverBench (test scope): the plan solver on TSPLIB berlin52/kroA100 and
# Solomon C101/R101 from ../shared/data/benchmarks. No database needed.
# Usage: bench/solver-bench.sh [--tsp-seconds=10] [--vrptw-seconds=30] [--solutions=1000] [--data=DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-target-bench}"
mvn -q -B -DbuildDir="$BUILD_DIR" test-compile
mvn -q -B -DbuildDir="$BUILD_DIR" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$BUILD_DIR/bench-classpath.txt" >/dev/null
CP="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench-classpath.txt")"
exec java -Xmx2g -cp "$CP" cn.gridwatch.bench.SolverBench "$@"
