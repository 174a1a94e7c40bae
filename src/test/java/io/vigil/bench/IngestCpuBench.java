package io.vigil.bench;

import io.vigil.detect.Detector;
import io.vigil.detect.RuleCatalog;
import io.vigil.detect.correlate.CorrelationLimits;
import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.journal.RawBatchFormat;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import io.vigil.store.LuceneEventStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CPU per event of each pipeline stage, measured as thread CPU time so that other load on the machine matters
 * less than wall-clock figures: journal payload decode, parse, detection (builtin pack), store add (with the
 * store's indexing threads set to 1 so all indexing work is on this thread).
 *
 * <pre>java -Dvigil.index.threads=1 ... io.vigil.bench.IngestCpuBench NDJSON [EVENTS]</pre>
 */
public final class IngestCpuBench {
    /** Refresh the store every N batches of 1000 (0 = never), as the pipeline does every refresh interval. */
    private static final int REFRESH_EVERY = Integer.getInteger("refreshEvery", 0);

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        List<byte[]> lines = new ArrayList<>();
        try (var r = Files.newBufferedReader(input)) {
            for (String l; (l = r.readLine()) != null && lines.size() < max; ) lines.add(l.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());
        Detector detector = new Detector(new RuleCatalog(List.of(), Map.of(), Set.of()).engine(), CorrelationLimits.DEFAULT);
        Path dir = Files.createTempDirectory("vigil-cpu-bench");
        long decode = 0, parse = 0, detect = 0, store = 0;
        try (LuceneEventStore s = LuceneEventStore.open(LuceneEventStore.Options.defaults(dir))) {
            long position = 1;
            for (int round = 0; round < 2; round++) { // round 0 warms the JIT
                decode = parse = detect = store = 0;
                for (int from = 0; from < lines.size(); from += 1000) {
                    List<byte[]> batch = lines.subList(from, Math.min(lines.size(), from + 1000));
                    byte[] payload = RawBatchFormat.encode(new RawBatch("bulk", "bench", "127.0.0.1", System.currentTimeMillis(), batch));
                    long t0 = mx.getCurrentThreadCpuTime();
                    RawBatch decoded = RawBatchFormat.decode(payload);
                    long t1 = mx.getCurrentThreadCpuTime();
                    List<StoredEvent> events = parser.parse(decoded, position);
                    long t2 = mx.getCurrentThreadCpuTime();
                    List<Event> plain = new ArrayList<>(events.size());
                    for (StoredEvent e : events) plain.add(e.event());
                    detector.detect(plain);
                    long t3 = mx.getCurrentThreadCpuTime();
                    s.add(events, position++);
                    if (REFRESH_EVERY > 0 && position % REFRESH_EVERY == 0) s.refresh();
                    long t4 = mx.getCurrentThreadCpuTime();
                    decode += t1 - t0; parse += t2 - t1; detect += t3 - t2; store += t4 - t3;
                }
            }
            long t = mx.getCurrentThreadCpuTime();
            s.commit();
            long commit = mx.getCurrentThreadCpuTime() - t;
            int n = lines.size();
            System.out.printf(Locale.ROOT, "%d events, CPU us/event: decode %.1f  parse %.1f  detect %.1f  store.add %.1f  (commit %.0f ms)  total %.1f%n",
                    n, decode / 1e3 / n, parse / 1e3 / n, detect / 1e3 / n, store / 1e3 / n, commit / 1e6,
                    (decode + parse + detect + store) / 1e3 / n);
        }
    }
}
