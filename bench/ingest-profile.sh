#!/usr/bin/env bash
# Quick ingest check on the anchor corpus (needs a prior bench/anchor.sh run for /tmp/vigil-perf/corpus-300000):
#   bench/ingest-profile.sh [FILES=40] [JFR=0]   → events/s to durable+searchable, server CPU seconds
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/jdk.sh"
files=${1:-40}; jfr=${2:-0}
work=$(mktemp -d /tmp/vigil-ingest.XXXXXX); mkdir -p "$work/bulk"
cp $(ls /tmp/vigil-perf/corpus-300000/bulk/* | head -"$files") "$work/bulk/"
printf 'store: { refresh_interval_ms: %s, commit_interval_ms: %s }\n' "${REFRESH_MS:-500}" "${COMMIT_MS:-5000}" > "$work/vigil.yml"
flags=""; [ "$jfr" = 1 ] && flags="-XX:FlightRecorderOptions:stackdepth=512 -XX:StartFlightRecording=filename=$work/rec.jfr,settings=profile"
# shellcheck disable=SC2086
VIGIL_ADMIN_PASSWORD=profile-passphrase-1 "$JAVA_HOME/bin/java" -Xmx${VIGIL_HEAP:-1g} $VIGIL_JVM_FLAGS ${EXTRA_JVM_FLAGS:-} $flags \
  -jar "$root/target/vigil.jar" serve --data "$work/data" --config "$work/vigil.yml" --http-port 0 > "$work/vigil.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
for _ in $(seq 1 60); do port=$(grep -o 'Vigil listening on http://127.0.0.1:[0-9]*' "$work/vigil.log" | grep -o '[0-9]*$' || true); [ -n "$port" ] && break; sleep 0.5; done
cpu0=$(awk '{print $14+$15}' /proc/$pid/stat)
t0=$(date +%s.%N)
BULK_AUTH=admin:profile-passphrase-1 "$JAVA_HOME/bin/java" "$root/../shared/bench/perf/BulkSend.java" "http://127.0.0.1:$port/bench/_bulk" 2 "$work/bulk" | tail -1
t1=$(date +%s.%N)
curl -s -u admin:profile-passphrase-1 -XPOST "http://127.0.0.1:$port/_flush" >/dev/null
t2=$(date +%s.%N)
cpu1=$(awk '{print $14+$15}' /proc/$pid/stat)
count=$(curl -s -u admin:profile-passphrase-1 "http://127.0.0.1:$port/bench/_count" | grep -o '"count":[0-9]*' | cut -d: -f2)
python3 -c "
n=$count; a=$t1-$t0; b=$t2-$t0; cpu=($cpu1-$cpu0)/100
print(f'events {n}: acked in {a:.1f} s ({n/a:.0f}/s), durable+searchable in {b:.1f} s ({n/b:.0f}/s); server CPU {cpu:.1f} s = {cpu/n*1e6:.0f} us/event')"
echo "store: $(du -sb "$work/data/store" | cut -f1) bytes, $(ls "$work/data/store" | wc -l) partitions; work dir $work"
grep -E "ERROR|Exception" "$work/vigil.log" | head -3 || true
echo "server CPU by thread:"
for t in /proc/$pid/task/*; do   # thread name (digits collapsed) and its user+system ticks
  st=$(cat "$t/stat" 2>/dev/null) || continue; rest=${st#*) }; read -ra f <<< "$rest"
  echo "$(sed 's/\([^C]\)[0-9]\+/\1N/g; s/ /_/g' "$t/comm") $(( f[11] + f[12] ))"
done | awk '{a[$1]+=$2} END {for (k in a) printf "  %7.1f s  %s\n", a[k]/100, k}' | sort -rn | head -12
if [ "$jfr" = 1 ]; then jcmd $pid JFR.dump name=1 filename="$work/dump.jfr" >/dev/null; echo "JFR: $work/dump.jfr"; fi
