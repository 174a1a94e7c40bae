#!/usr/bin/env bash
# The store's CPU (thread CPU, one indexing thread) and bytes per event, Windows anchor events and syslog auth lines:
#   bench/store-cpu.sh [NDJSON=/tmp/vigil-perf/corpus-300000/events.ndjson] [EVENTS=30000]    (JFR=1 records a profile)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/jdk.sh"
cd "$root"
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
flags=""; [ "${JFR:-0}" = 1 ] && flags="-XX:StartFlightRecording=filename=/tmp/store-cpu-$$.jfr,settings=profile"
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xmx2g -Dvigil.index.threads=1 -Donly=${ONLY:-} -Dvariants=${VARIANTS:-false} -Drounds=${ROUNDS:-5} $flags $VIGIL_JVM_FLAGS \
  -cp "target/test-classes:target/classes:$(cat target/bench.cp)" io.vigil.store.StoreAddBench \
  "${1:-/tmp/vigil-perf/corpus-300000/events.ndjson}" "${2:-30000}" "$root/../shared/data"
