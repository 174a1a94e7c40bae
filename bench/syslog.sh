#!/usr/bin/env bash
# Syslog over TCP end to end into the store: bench/syslog.sh [LINES=500000] [CONNECTIONS=2] [WARMUP_LINES=0]
# Prints lines/s from the first byte sent until every line is parsed, indexed and searchable.
# Then CPU seconds per thread group. Extra JVM flags: BENCH_JVM_FLAGS (e.g. -Dbench.jfr=/tmp/syslog.jfr to profile the timed part).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/jdk.sh"
cd "$root"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xmx${BENCH_HEAP:-2g} $VIGIL_JVM_FLAGS ${BENCH_JVM_FLAGS:-} -Dvigil.data="${VIGIL_DATA:-$root/../shared/data}" \
  -cp "target/test-classes:target/classes:$(cat target/bench.cp)" io.vigil.bench.SyslogIngestBench "$@"
