#!/usr/bin/env bash
# Query latency over a large store: bench/query.sh [EVENTS=10000000] [DIR=/tmp/vigil-query-bench]
# The first run fills the store (reused afterwards); prints p50/p95 per query and the raw-Lucene baseline.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/jdk.sh"
cd "$root"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xmx${BENCH_HEAP:-2g} $VIGIL_JVM_FLAGS -Dvigil.data="${VIGIL_DATA:-$root/../shared/data}" \
  -cp "target/test-classes:target/classes:$(cat target/bench.cp)" io.vigil.bench.QueryBench "$@"
