#!/usr/bin/env bash
# Ingest benchmark against the shared anchors, in ONE run: raw Lucene, a real OpenSearch node, and a fresh
# Vigil (journal + parse + detection + store) fed the same real Windows events through `_bulk`.
#   bench/anchor.sh                       # ~300,000 events (ANCHOR_EVENTS to change), prints the anchor line
# Env: VIGIL_HEAP (default 1g), ANCHOR_* as in ../shared/bench/perf/README.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${SHARED:-$root/../shared}
. "$root/scripts/jdk.sh"
(cd "$root" && mvn -B -q -DskipTests package)

work=$(mktemp -d "${TMPDIR:-/tmp}/vigil-anchor.XXXXXX")
data="$work/data"; mkdir -p "$data"
password="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# shellcheck disable=SC2086
VIGIL_ADMIN_PASSWORD=$password "$JAVA_HOME/bin/java" -Xmx"${VIGIL_HEAP:-1g}" $VIGIL_JVM_FLAGS \
  -jar "$root/target/vigil.jar" serve --data "$data" --http-port 0 > "$work/vigil.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  port=$(grep -o 'Vigil listening on http://127.0.0.1:[0-9]*' "$work/vigil.log" | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break; sleep 0.5
done
[ -n "${port:-}" ] || { cat "$work/vigil.log"; echo "Vigil did not start" >&2; exit 1; }
echo "Vigil pid $pid on port $port, heap ${VIGIL_HEAP:-1g}, data $data"

rm -rf "$work/bench"; cp -r "$shared/bench" "$work/bench"; chmod -R u+w "$work/bench"
VIGIL_URL="http://127.0.0.1:$port" VIGIL_AUTH="admin:$password" VIGIL_DATA_DIR="$data" VIGIL_PID=$pid \
ANCHOR_SRC="$shared/data/windows/otrf/windows" "$work/bench/perf/anchor.sh"
echo "Vigil peak RSS: $(grep VmHWM /proc/$pid/status | awk '{print $2/1024 " MiB"}')"
