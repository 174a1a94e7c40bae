package io.vigil.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.generate.EventGenerator;
import io.vigil.generate.Templates;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The store's CPU and bytes per event as the server runs it (raw-only storage with the parser's re-parse), on one
 * thread (thread CPU time; {@code -Dvigil.index.threads=1} keeps all indexing on the caller): the anchor's real
 * Windows events and generated Linux auth syslog lines parsed by the real parser.
 * <pre>java -Dvigil.index.threads=1 ... io.vigil.store.StoreAddBench WINDOWS_NDJSON [EVENTS] [DATA_DIR]</pre>
 */
public final class StoreAddBench {
    public static void main(String[] args) throws Exception {
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());
        String only = System.getProperty("only", "");
        if (!only.equals("syslog")) {
            List<byte[]> windows = new ArrayList<>();
            try (var r = Files.newBufferedReader(Path.of(args[0]))) {
                for (String l; (l = r.readLine()) != null && windows.size() < max; ) windows.add(l.getBytes(StandardCharsets.UTF_8));
            }
            run("windows", parse(parser, "bulk", "bench", windows), parser);
        }
        if (!only.equals("windows")) {
            Path data = Path.of(args.length > 2 ? args[2] : System.getProperty("vigil.data", "../shared/data"));
            run("syslog auth", parse(parser, "syslog-tcp", "syslog", authLines(data, max)), parser);
        }
    }

    static List<byte[]> authLines(Path data, int n) throws Exception {
        Templates t = (Files.isDirectory(data) ? Templates.fromDataDir(data) : Templates.builtin()).only("auth");
        long now = System.currentTimeMillis();
        EventGenerator gen = new EventGenerator(t, 7, now - 3_600_000, now, n);
        ObjectMapper json = new ObjectMapper();
        List<byte[]> lines = new ArrayList<>(n);
        while (gen.hasNext()) lines.add(("<38>" + json.readTree(gen.next()).get("message").asText()).getBytes(StandardCharsets.UTF_8));
        return lines;
    }

    static List<List<StoredEvent>> parse(DefaultEventParser parser, String source, String index, List<byte[]> lines) {
        List<List<StoredEvent>> batches = new ArrayList<>();
        for (int from = 0, position = 1; from < lines.size(); from += 1000, position++) {
            batches.add(parser.parse(new RawBatch(source, index, "127.0.0.1", System.currentTimeMillis(),
                    lines.subList(from, Math.min(lines.size(), from + 1000))), position));
        }
        return batches;
    }

    /** Lucene's CPU (add + commit) and bytes without one kind of field at a time: where indexing cost lies. */
    private static void variants(List<List<StoredEvent>> batches, RawEvents raw) throws Exception {
        List<org.apache.lucene.document.Document> docs = new ArrayList<>();
        for (List<StoredEvent> batch : batches) for (StoredEvent e : batch) docs.add(EventDocuments.toDocument(e, raw));
        java.util.Map<String, java.util.function.Predicate<org.apache.lucene.index.IndexableField>> drops = new java.util.LinkedHashMap<>();
        drops.put("nothing dropped", f -> false);
        drops.put("no message", f -> f.name().equals("message"));
        drops.put("message without positions", f -> false);
        drops.put("no .text companions", f -> f.name().endsWith(".text"));
        drops.put("no _id term", f -> f.name().equals("_id") && f.fieldType().indexOptions() != org.apache.lucene.index.IndexOptions.NONE);
        drops.put("no winlog.event_data.*", f -> f.name().startsWith("winlog.event_data."));
        drops.put("no ECS keyword (non-winlog, non-message)", f -> !f.name().startsWith("winlog.") && !f.name().startsWith("_")
                && !f.name().equals("message") && !f.name().equals("@timestamp"));
        drops.put("no points", f -> f.fieldType().pointDimensionCount() > 0);
        drops.put("no doc values", f -> f.fieldType().docValuesType() != org.apache.lucene.index.DocValuesType.NONE);
        drops.put("no stored", f -> f.fieldType().stored());
        drops.put("no log.syslog.hostname/appname/procid", f -> f.name().equals("log.syslog.hostname")
                || f.name().equals("log.syslog.appname") || f.name().equals("log.syslog.procid"));
        drops.put("no exact terms of numbers", f -> f.fieldType().indexOptions() != org.apache.lucene.index.IndexOptions.NONE
                && (io.vigil.event.EcsSchema.typeOf(f.name()) == io.vigil.event.EcsType.LONG || io.vigil.event.EcsSchema.typeOf(f.name()) == io.vigil.event.EcsType.DOUBLE));
        drops.put("no log.syslog.*.name, priority", f -> f.name().startsWith("log.syslog.") && (f.name().endsWith(".name")
                || f.name().endsWith("priority")));
        java.util.Map<String, Double> best = new java.util.LinkedHashMap<>();
        for (int round = 0; round < Integer.getInteger("rounds", 3); round++) {
            for (var drop : drops.entrySet()) {
                List<org.apache.lucene.document.Document> stripped = new ArrayList<>(docs.size());
                for (var d : docs) {
                    var c = new org.apache.lucene.document.Document();
                    for (var f : d.getFields()) {
                        if (drop.getValue().test(f)) continue;
                        if (drop.getKey().startsWith("message without") && f.name().equals("message")) {
                            c.add(new org.apache.lucene.document.Field("message", f.stringValue(), EventDocuments.WORDS_ONLY));
                        } else {
                            c.add(f);
                        }
                    }
                    stripped.add(c);
                }
                long nanos = StoreCpuBench.indexAll(stripped, new org.apache.lucene.analysis.standard.StandardAnalyzer());
                best.merge(drop.getKey(), nanos / 1e3 / docs.size(), Math::min);
                System.out.printf(Locale.ROOT, "  round %d %-45s %.1f us/event %.1f B/event%n", round, drop.getKey(),
                        nanos / 1e3 / docs.size(), StoreCpuBench.lastBytes / (double) docs.size());
            }
        }
        best.forEach((k, v) -> System.out.printf(Locale.ROOT, "  BEST %-45s %.2f us/event%n", k, v));
    }

    private static void run(String name, List<List<StoredEvent>> batches, DefaultEventParser parser) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int n = batches.stream().mapToInt(List::size).sum();
        RawEvents raw = new RawEvents(parser::reparse);
        if (Boolean.getBoolean("variants")) {
            variants(batches, raw);
            return;
        }
        double bestBuild = Double.MAX_VALUE, bestTotal = Double.MAX_VALUE;
        int rounds = Integer.getInteger("rounds", 5);
        for (int round = 0; round < rounds; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (List<StoredEvent> batch : batches) for (StoredEvent e : batch) EventDocuments.toDocument(e, raw);
            long build = mx.getCurrentThreadCpuTime() - t0;
            Path dir = Files.createTempDirectory("vigil-store-add-bench");
            long add, commit, bytes;
            try (LuceneEventStore store = LuceneEventStore.open(LuceneEventStore.Options.defaults(dir).withReparser(parser::reparse))) {
                long t1 = mx.getCurrentThreadCpuTime();
                long position = 1;
                for (List<StoredEvent> batch : batches) store.add(batch, position++);
                long t2 = mx.getCurrentThreadCpuTime();
                store.commit();
                long t3 = mx.getCurrentThreadCpuTime();
                add = t2 - t1;
                commit = t3 - t2;
                bytes = store.stats().stream().mapToLong(EventStore.PartitionStats::bytes).sum();
            }
            try (var files = Files.walk(dir)) { files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete()); }
            System.out.printf(Locale.ROOT, "%s round %d, %d events: toDocument %.1f us/event, store.add %.1f us/event,"
                            + " commit %.1f us/event, add+commit %.1f us/event, %.1f B/event%n", name, round, n,
                    build / 1e3 / n, add / 1e3 / n, commit / 1e3 / n, (add + commit) / 1e3 / n, bytes / (double) n);
            if (round > 0) {
                bestBuild = Math.min(bestBuild, build / 1e3 / n);
                bestTotal = Math.min(bestTotal, (add + commit) / 1e3 / n);
            }
        }
        System.out.printf(Locale.ROOT, "%s BEST of rounds 1..%d: toDocument %.1f us/event, add+commit %.1f us/event%n",
                name, rounds - 1, bestBuild, bestTotal);
    }
}
