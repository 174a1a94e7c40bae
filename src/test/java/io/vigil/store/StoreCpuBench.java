package io.vigil.store;

import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Where the store's CPU per event goes, on one thread (thread CPU time): building documents (with and without
 * the stored-fields delta) and Lucene's indexing of them, in one index, committed.
 * <pre>java ... io.vigil.store.StoreCpuBench NDJSON [EVENTS]</pre>
 */
public final class StoreCpuBench {
    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        List<byte[]> lines = new ArrayList<>();
        try (var r = Files.newBufferedReader(input)) {
            for (String l; (l = r.readLine()) != null && lines.size() < max; ) lines.add(l.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());
        List<StoredEvent> events = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += 1000) {
            events.addAll(parser.parse(new RawBatch("bulk", "bench", "127.0.0.1", System.currentTimeMillis(),
                    lines.subList(from, Math.min(lines.size(), from + 1000))), from));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int n = events.size();
        for (int round = 0; round < 3; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (StoredEvent e : events) FieldsDelta.of(e.event().fields(), e.original());
            long t1 = mx.getCurrentThreadCpuTime();
            List<Document> withFields = new ArrayList<>(n);
            for (StoredEvent e : events) withFields.add(EventDocuments.toDocument(e, new RawEvents(null)));
            long t2 = mx.getCurrentThreadCpuTime();
            RawEvents raw = new RawEvents(parser::reparse);
            List<Document> docs = new ArrayList<>(n);
            for (StoredEvent e : events) docs.add(EventDocuments.toDocument(e, raw));
            long t3 = mx.getCurrentThreadCpuTime();
            for (StoredEvent e : events) raw.read(e.event().id(), e.event().timestamp(), e.original(), e.parseContext());
            long t4 = mx.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "  raw-only: toDocument %.1f us/event (mismatches %d), re-parse on read %.1f us/event; with fields: %.1f us/event (%d B/event stored)%n",
                    (t3 - t2) / 1e3 / n, raw.mismatches(), (t4 - t3) / 1e3 / n, (t2 - t1) / 1e3 / n, 0);
            indexAll(strip(withFields, f -> !f.fieldType().stored()), new StandardAnalyzer());
            long fieldsBytes = lastBytes;
            indexAll(strip(docs, f -> !f.fieldType().stored()), new StandardAnalyzer());
            System.out.printf(Locale.ROOT, "  stored bytes/event: with fields (raw + delta) %.1f, raw-only %.1f%n", fieldsBytes / (double) n, lastBytes / (double) n);
            long index = indexAll(docs, new StandardAnalyzer());

            System.out.printf(Locale.ROOT, "round %d, %d events, CPU us/event: delta %.1f  toDocument(incl. delta) %.1f  lucene add+commit %.1f%n",
                    round, n, (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, index / 1e3 / n);
        }
    }

    private static void storedForms(List<StoredEvent> events) throws Exception {
        int n = events.size();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int chunk : new int[] {256 << 10, 512 << 10, 1024 << 10}) {
            codec = new io.vigil.store.codec.VigilCodec(3, chunk);
            long t0 = mx.getCurrentThreadCpuTime();
            List<Document> both = new ArrayList<>(n);
            for (StoredEvent e : events) {
                Document d = new Document();
                d.add(new org.apache.lucene.document.StoredField(EventDocuments.ID, e.event().id()));
                d.add(new org.apache.lucene.document.StoredField(EventDocuments.TS_STORED, e.event().timestamp()));
                d.add(new org.apache.lucene.document.StoredField(EventDocuments.ORIGINAL, e.original()));
                d.add(new org.apache.lucene.document.StoredField(EventDocuments.FIELDS, FlatFieldsCodec.encode(e.event().fields())));
                both.add(d);
            }
            long encode = mx.getCurrentThreadCpuTime() - t0;
            report("raw + full fields, zstd 3 chunk " + (chunk >> 10) + "K (encode " + encode / 1000 / n + " us)", indexAll(both, new StandardAnalyzer()), n);
            List<Document> rawOnly = strip(both, f -> f.name().equals(EventDocuments.FIELDS));
            report("raw only, zstd 3 chunk " + (chunk >> 10) + "K", indexAll(rawOnly, new StandardAnalyzer()), n);
        }
    }

    private static void variants(List<Document> docs) throws Exception {
        int n = docs.size();
        List<Document> stored = strip(docs, f -> !f.fieldType().stored());
        report("stored only, DEFLATE (BEST_COMPRESSION)", indexAll(stored, new StandardAnalyzer()), n);
        for (int level : new int[] {1, 3, 6}) {
            for (int chunk : new int[] {64 << 10, 256 << 10}) {
                codec = new io.vigil.store.codec.VigilCodec(level, chunk);
                report("stored only, zstd " + level + " chunk " + (chunk >> 10) + "K", indexAll(stored, new StandardAnalyzer()), n);
            }
        }
        codec = new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION);
        report("no message/text fields", indexAll(strip(docs, f -> f.name().equals("message") || f.name().endsWith(".text")), new StandardAnalyzer()), n);
        report("no doc values", indexAll(strip(docs, f -> f.fieldType().docValuesType() != org.apache.lucene.index.DocValuesType.NONE), new StandardAnalyzer()), n);
        report("no points", indexAll(strip(docs, f -> f.fieldType().pointDimensionCount() > 0), new StandardAnalyzer()), n);
        report("no stored", indexAll(strip(docs, f -> f.fieldType().stored() && !f.name().equals("_id")), new StandardAnalyzer()), n);
        report("only stored", indexAll(strip(docs, f -> !f.fieldType().stored()), new StandardAnalyzer()), n);
        report("keywords only (no text/dv/points/stored)", indexAll(strip(docs, f -> f.fieldType().stored() || f.fieldType().tokenized()
                || f.fieldType().docValuesType() != org.apache.lucene.index.DocValuesType.NONE || f.fieldType().pointDimensionCount() > 0), new StandardAnalyzer()), n);
    }

    private static org.apache.lucene.codecs.Codec codec = new io.vigil.store.codec.VigilCodec();
    static long lastBytes;

    private static void report(String what, long nanos, int n) {
        System.out.printf(Locale.ROOT, "  variant %-45s %.1f us/event %.0f B/event%n", what, nanos / 1e3 / n, lastBytes / (double) n);
    }

    private static List<Document> strip(List<Document> docs, java.util.function.Predicate<org.apache.lucene.index.IndexableField> drop) {
        List<Document> out = new ArrayList<>(docs.size());
        for (Document d : docs) {
            Document c = new Document();
            for (var f : d.getFields()) if (!drop.test(f)) c.add(f);
            out.add(c);
        }
        return out;
    }

    static long indexAll(List<Document> docs, Analyzer analyzer) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Path dir = Files.createTempDirectory("vigil-store-bench");
        try (FSDirectory d = FSDirectory.open(dir)) {
            long t0 = mx.getCurrentThreadCpuTime();
            try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzer)
                    .setCodec(codec).setRAMBufferSizeMB(256)
                    .setUseCompoundFile(false))) {
                for (Document doc : docs) w.addDocument(doc);
                w.commit();
            }
            long cpu = mx.getCurrentThreadCpuTime() - t0;
            lastBytes = 0;
            for (String f : d.listAll()) lastBytes += d.fileLength(f);
            return cpu;
        } finally {
            try (var files = Files.walk(dir)) { files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete()); }
        }
    }
}
