package io.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.generate.EventGenerator;
import io.vigil.generate.Templates;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import io.vigil.search.SearchService;
import io.vigil.store.LuceneEventStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Query latency over a large store (issue 2's benchmark): fills a store with N generated events over 24 h
 * (once; reused when the directory already holds them), then times, through the search API, a term query
 * with an hourly histogram, a full-text query and a terms aggregation — p50/p95 over repeated runs — beside
 * raw Lucene counting the same term on the same index (the baseline).
 *
 * <pre>bench/query.sh [EVENTS] [DIR]     (default 10,000,000 events in /tmp/vigil-query-bench)</pre>
 */
public final class QueryBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/vigil-query-bench");
        Path templates = Path.of(System.getProperty("vigil.data", "../shared/data"));
        Path marker = dir.resolve("filled-" + events);
        long end = Instant.parse("2026-11-28T00:00:00Z").toEpochMilli(), start = end - 86_400_000L;
        Clock clock = Clock.fixed(Instant.ofEpochMilli(end), ZoneOffset.UTC);
        if (!Files.exists(marker)) fill(dir, events, templates, start, end, marker);
        try (LuceneEventStore store = LuceneEventStore.open(new LuceneEventStore.Options(dir.resolve("store"), 64, 10_000, clock))) {
            SearchService search = new SearchService(store, clock);
            String host = topHost(search);
            System.out.printf(Locale.ROOT, "store: %,d events, %,d bytes on disk (%.0f B/event); common host %s%n",
                    store.stats().stream().mapToLong(s -> s.events()).sum(), bytes(store), (double) bytes(store) / events, host);
            time("term + hourly histogram", search, """
                    {"query":"host.name:%s","from":"%s","to":"%s","size":20,
                     "aggs":{"h":{"date_histogram":{"field":"@timestamp","fixed_interval":"1h"}}}}""".formatted(host, iso(start), iso(end)));
            time("full text (message:failed)", search, """
                    {"query":"message:failed","from":"%s","to":"%s","size":20}""".formatted(iso(start), iso(end)));
            time("terms agg event.code, all events", search, """
                    {"query":"","from":"%s","to":"%s","size":0,"aggs":{"c":{"terms":{"field":"event.code","size":10}}}}""".formatted(iso(start), iso(end)));
            String discover = """
                    {"query":"","from":"%s","to":"%s","size":50,
                     "aggs":{"h":{"date_histogram":{"field":"@timestamp","fixed_interval":"30m"}}}}""".formatted(iso(start), iso(end));
            time("histogram + first page, all events", search, discover);
            // the console sends every Discover search with an id, so it runs on the cancellable (checked) path
            time("same, cancellable (as the console)", body -> search.search(body, () -> false), discover);
            time("term + histogram, cancellable", body -> search.search(body, () -> false), """
                    {"query":"host.name:%s","from":"%s","to":"%s","size":20,
                     "aggs":{"h":{"date_histogram":{"field":"@timestamp","fixed_interval":"1h"}}}}""".formatted(host, iso(start), iso(end)));
            rawLucene(dir.resolve("store"), host);
        }
    }

    private static void fill(Path dir, long events, Path templates, long start, long end, Path marker) throws Exception {
        Templates t = Files.isDirectory(templates) ? Templates.fromDataDir(templates) : Templates.builtin();
        DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());
        long t0 = System.nanoTime(), bytesIn = 0;
        try (LuceneEventStore store = LuceneEventStore.open(new LuceneEventStore.Options(dir.resolve("store"), 256, 10_000, Clock.systemUTC()))) {
            EventGenerator generator = new EventGenerator(t, 42, start, end, events);
            long position = 1;
            List<byte[]> lines = new ArrayList<>(1000);
            while (generator.hasNext()) {
                byte[] line = generator.next().getBytes(StandardCharsets.UTF_8);
                bytesIn += line.length;
                lines.add(line);
                if (lines.size() == 1000 || !generator.hasNext()) {
                    List<StoredEvent> parsed = parser.parse(new RawBatch("bench", "bench", "", end, lines), position);
                    store.add(parsed, position++);
                    lines.clear();
                }
                if (position % 1000 == 0 && lines.isEmpty()) {
                    System.out.printf(Locale.ROOT, "  filled %,d events (%.0f/s)%n", position * 1000, position * 1000 / ((System.nanoTime() - t0) / 1e9));
                }
            }
            store.commit();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "filled %,d events (%.1f MB raw) in %.0f s: %.0f events/s parse+index, 1 thread%n",
                events, bytesIn / 1e6, secs, events / secs);
        Files.writeString(marker, "ok");
    }

    /** One way to run a search request (the plain service call, or the cancellable one). */
    @FunctionalInterface
    private interface Searcher {
        JsonNode search(JsonNode body) throws Exception;
    }

    private static void time(String name, SearchService search, String request) throws Exception {
        time(name, search::search, request);
    }

    private static void time(String name, Searcher search, String request) throws Exception {
        JsonNode body = JSON.readTree(request);
        long total = 0;
        for (int i = 0; i < 5; i++) total = search.search(body).get("total").asLong(); // warm-up
        long[] ms = new long[30];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            search.search(body);
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-38s hits %,11d  p50 %5d ms  p95 %5d ms%n", name, total, ms[ms.length / 2], ms[(int) (ms.length * 0.95)]);
    }

    /** The baseline: plain Lucene counting the same term on the same partitions. */
    private static void rawLucene(Path storeDir, String host) throws Exception {
        List<Path> partitions;
        try (var s = Files.list(storeDir)) {
            partitions = s.filter(Files::isDirectory).sorted().toList();
        }
        List<DirectoryReader> readers = new ArrayList<>();
        for (Path p : partitions) readers.add(DirectoryReader.open(FSDirectory.open(p)));
        long[] ms = new long[30];
        long count = 0;
        for (int i = -5; i < ms.length; i++) {
            long t = System.nanoTime();
            count = 0;
            for (DirectoryReader r : readers) count += new IndexSearcher(r).count(new TermQuery(new Term("host.name", host)));
            if (i >= 0) ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-38s hits %,11d  p50 %5d ms  p95 %5d ms%n", "baseline: raw Lucene term count", count, ms[15], ms[28]);
        for (DirectoryReader r : readers) r.close();
    }

    private static String topHost(SearchService search) throws Exception {
        JsonNode r = search.search(JSON.readTree("{\"query\":\"\",\"from\":\"2000-01-01\",\"to\":\"2100-01-01\",\"size\":0,"
                + "\"aggs\":{\"h\":{\"terms\":{\"field\":\"host.name\",\"size\":3}}}}"));
        return r.at("/aggs/h/buckets/2/key").asText(r.at("/aggs/h/buckets/0/key").asText());
    }

    private static long bytes(LuceneEventStore store) throws Exception {
        return store.stats().stream().mapToLong(s -> s.bytes()).sum();
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
