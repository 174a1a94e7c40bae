# Sourced by ./vigil, ./test and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if it is 21+, then the newest 21+ JDK under /usr/lib/jvm.

java_major() { # prints the major version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(java_major "$JAVA_HOME/bin/java"); [ "${v:-0}" -ge 21 ] 2>/dev/null && { echo "$JAVA_HOME"; return 0; }
  fi
  best=""; bestv=0
  for d in /usr/lib/jvm/*/; do
    d=${d%/}; [ -x "$d/bin/javac" ] || continue; [ -L "$d" ] && continue
    v=$(java_major "$d/bin/java"); v=${v:-0}
    if [ "$v" -ge 21 ] 2>/dev/null && [ "$v" -gt "$bestv" ]; then best=$d; bestv=$v; fi
  done
  [ -n "$best" ] && { echo "$best"; return 0; }
  return 1
}

if ! JAVA_HOME=$(find_jdk); then
  echo "vigil: no JDK 21 or newer found (checked \$JAVA_HOME and /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk', or set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
# G1 regions of 8 MB: Lucene's per-segment buffers (a point field's doc ids, postings arrays) grow to a few MB;
# with the default 1-2 MB regions each growth is a humongous allocation, and those started a third of the
# collections (and most concurrent marking) while ingesting syslog (BENCHMARKS.md, syslog end to end).
VIGIL_JVM_FLAGS="--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector --sun-misc-unsafe-memory-access=allow -XX:G1HeapRegionSize=8m"
