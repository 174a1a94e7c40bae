#!/usr/bin/env bash
# CPU per event per pipeline stage (thread CPU time, so less sensitive to other load):
#   bench/cpu.sh [NDJSON=/tmp/vigil-perf/corpus-300000/events.ndjson] [EVENTS=50000]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/jdk.sh"
cd "$root"
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xmx2g -Dvigil.index.threads=1 -DrefreshEvery=${REFRESH_EVERY:-0} $VIGIL_JVM_FLAGS \
  -cp "target/test-classes:target/classes:$(cat target/bench.cp)" io.vigil.bench.IngestCpuBench \
  "${1:-/tmp/vigil-perf/corpus-300000/events.ndjson}" "${2:-50000}"
