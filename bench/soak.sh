#!/usr/bin/env bash
# Soak: a fresh Vigil fed steady _bulk load (default 1,000 events/s, about half of what one Vigil stores on
# the shared 2-core machine) for SOAK_SECONDS (default 3600), sampling every SOAK_SAMPLE_SECONDS (30): used heap
# (jcmd GC.heap_info), open file descriptors (/proc/PID/fd), RSS, journal bytes. Flat columns = no leak.
#   bench/soak.sh                                  # one hour
#   SOAK_SECONDS=600 bench/soak.sh                 # the 10-minute version recorded in docs/robustness.md
# Env: SOAK_RATE (events/s), VIGIL_HEAP (default 512m), SOAK_OUT (CSV file; default soak-<date>.csv in $TMPDIR).
# Uses target/vigil.jar as built (./test -q -DskipTests); at the end checks every acknowledged event is stored.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/jdk.sh"
[ -f "$root/target/vigil.jar" ] || (cd "$root" && ./test -q -DskipTests)
seconds=${SOAK_SECONDS:-3600}; every=${SOAK_SAMPLE_SECONDS:-30}; rate=${SOAK_RATE:-1000}
work=$(mktemp -d "${TMPDIR:-/tmp}/vigil-soak.XXXXXX"); data="$work/data"; mkdir -p "$data"
out=${SOAK_OUT:-${TMPDIR:-/tmp}/soak-$(date +%Y%m%d-%H%M%S).csv}
password="soak-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
VIGIL_ADMIN_PASSWORD=$password "$JAVA_HOME/bin/java" -Xmx"${VIGIL_HEAP:-512m}" --enable-native-access=ALL-UNNAMED \
  --add-modules jdk.incubator.vector -jar "$root/target/vigil.jar" serve --data "$data" --http-port 0 > "$work/vigil.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  port=$(grep -o 'Vigil listening on http://127.0.0.1:[0-9]*' "$work/vigil.log" | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break; sleep 0.5
done
[ -n "${port:-}" ] || { cat "$work/vigil.log"; echo "Vigil did not start" >&2; exit 1; }
echo "Vigil pid $pid on port $port; ${rate} events/s for ${seconds} s; samples -> $out"

python3 - "$port" "$password" "$rate" "$seconds" > "$work/load.out" 2>&1 <<'PY' &
import base64, json, sys, time, urllib.request
port, password, rate, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
auth = "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()
acked, seq, batch, start = 0, 0, max(1, rate // 10), time.time()
while time.time() - start < seconds:
    t0 = time.time()
    lines = []
    for i in range(batch):
        ts = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        lines.append('{"index":{}}')
        lines.append(json.dumps({"@timestamp": ts, "message": f"soak event {seq + i} user=alice action=login",
                                 "labels": {"run": "soak"}, "event": {"sequence": seq + i}}))
    req = urllib.request.Request(f"http://127.0.0.1:{port}/_bulk", data=("\n".join(lines) + "\n").encode(),
                                 headers={"Authorization": auth, "Content-Type": "application/x-ndjson"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            if r.status == 200 and not json.load(r).get("errors"):
                acked += batch; seq += batch
    except Exception as e:
        print("bulk failed:", e, flush=True)
    time.sleep(max(0, 0.1 - (time.time() - t0)))
print("acked", acked, flush=True)
PY
load=$!

echo "elapsed_s,heap_used_mib,open_fds,rss_mib,threads,journal_bytes" | tee "$out"
t0=$(date +%s)
while kill -0 $load 2>/dev/null; do
  heap=$("$JAVA_HOME/bin/jcmd" $pid GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | grep -o '[0-9]*')
  fds=$(ls /proc/$pid/fd | wc -l)
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  thr=$(awk '/Threads/ {print $2}' /proc/$pid/status)
  jb=$(du -sb "$data/journal" | cut -f1)
  echo "$(( $(date +%s) - t0 )),$(( ${heap:-0} / 1024 )),$fds,$rss,$thr,$jb" | tee -a "$out"
  sleep "$every"
done
acked=$(grep -o 'acked [0-9]*' "$work/load.out" | grep -o '[0-9]*')
curl -s -u "admin:$password" -X POST "http://127.0.0.1:$port/_refresh" > /dev/null
stored=$(curl -s -u "admin:$password" -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/search" \
  -d '{"query":"labels.run:soak","from":"now-2d","to":"now+1d","size":0}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "acknowledged $acked, stored $stored"
[ "$acked" = "$stored" ] || { echo "LOST $((acked - stored)) acknowledged events" >&2; exit 1; }
