package io.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * What a store's terms are made of: per field, over every partition under a store directory, the number of
 * distinct terms (summed over segments), their total bytes and how many postings they have. The fields with
 * the most term bytes are where the terms dictionary's size comes from.
 * <pre>java ... io.vigil.bench.IndexAnatomy STORE_DIR [TOP=40]</pre>
 */
public final class IndexAnatomy {
    record Stat(long terms, long termBytes, long postings, boolean positions) {}

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Map<String, long[]> stats = new TreeMap<>();
        Map<String, Boolean> positions = new TreeMap<>();
        long docs = 0;
        List<Path> partitions = new ArrayList<>();
        try (var children = Files.list(store)) {
            children.filter(p -> p.getFileName().toString().startsWith("events-")).forEach(partitions::add);
        }
        for (Path partition : partitions) {
            try (FSDirectory dir = FSDirectory.open(partition); DirectoryReader reader = DirectoryReader.open(dir)) {
                docs += reader.maxDoc();
                for (LeafReaderContext leaf : reader.leaves()) {
                    for (FieldInfo fi : leaf.reader().getFieldInfos()) {
                        Terms terms = leaf.reader().terms(fi.name);
                        if (terms == null) continue;
                        long[] s = stats.computeIfAbsent(fi.name, k -> new long[3]);
                        positions.put(fi.name, terms.hasPositions());
                        TermsEnum te = terms.iterator();
                        for (BytesRef t; (t = te.next()) != null; ) {
                            s[0]++;
                            s[1] += t.length;
                            s[2] += te.docFreq();
                        }
                    }
                }
            }
        }
        final long n = docs;
        System.out.printf(Locale.ROOT, "%d documents in %d partitions; per event: terms, term bytes, postings%n", n, partitions.size());
        stats.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "%-50s %7.2f terms %8.1f B %7.2f postings%s%n", e.getKey(),
                        e.getValue()[0] / (double) n, e.getValue()[1] / (double) n, e.getValue()[2] / (double) n,
                        positions.get(e.getKey()) ? "  +positions" : ""));
        long[] total = new long[3];
        stats.values().forEach(v -> { total[0] += v[0]; total[1] += v[1]; total[2] += v[2]; });
        System.out.printf(Locale.ROOT, "%-50s %7.2f terms %8.1f B %7.2f postings (%d fields)%n", "ALL", total[0] / (double) n,
                total[1] / (double) n, total[2] / (double) n, stats.size());
    }
}
