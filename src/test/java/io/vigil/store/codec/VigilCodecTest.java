package io.vigil.store.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VigilCodecTest {
    private static final long SEED = 20261129L;

    @TempDir
    Path dir;

    @Test
    void luceneFindsTheCodecByItsName() {
        assertThat(Codec.forName(VigilCodec.NAME)).isInstanceOf(VigilCodec.class);
    }

    @Test
    void everyStoredValueReadsBackInAnyOrderAcrossManyChunksAndAfterMerging() throws Exception {
        List<String> values = randomEvents(new Random(SEED), 3_000);
        try (FSDirectory directory = FSDirectory.open(dir)) {
            write(directory, values, 0, new VigilCodec(3, 8 * 1024), 700); // small chunks: many of them, several segments
            assertReadsBack(directory, values, new Random(SEED + 1));
            try (IndexWriter writer = new IndexWriter(directory, config(new VigilCodec(3, 8 * 1024)))) {
                writer.forceMerge(1);
            }
            assertReadsBack(directory, values, new Random(SEED + 2));
        }
    }

    @Test
    void segmentsOfLucenesOwnCodecAndOfVigilsMergeIntoOneReadableIndex() throws Exception {
        List<String> values = randomEvents(new Random(SEED), 1_000);
        try (FSDirectory directory = FSDirectory.open(dir)) {
            write(directory, values.subList(0, 500), 0, new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION), 500);
            write(directory, values.subList(500, 1_000), 500, new VigilCodec(), 500);
            try (IndexWriter writer = new IndexWriter(directory, config(new VigilCodec()))) {
                writer.forceMerge(1);
            }
            assertReadsBack(directory, values, new Random(SEED + 3));
        }
    }

    /** Writes {@code values}; field "n" is each value's index in the whole list ({@code first} + i). */
    private static void write(FSDirectory directory, List<String> values, int first, Codec codec, int docsPerSegment) throws Exception {
        try (IndexWriter writer = new IndexWriter(directory, config(codec))) {
            for (int i = 0; i < values.size(); i++) {
                Document doc = new Document();
                doc.add(new StoredField("raw", values.get(i).getBytes(StandardCharsets.UTF_8)));
                doc.add(new StoredField("n", first + i));
                writer.addDocument(doc);
                if ((i + 1) % docsPerSegment == 0) writer.flush();
            }
            writer.commit();
        }
    }

    private static IndexWriterConfig config(Codec codec) {
        return new IndexWriterConfig(new StandardAnalyzer()).setCodec(codec)
                .setMergePolicy(new org.apache.lucene.index.LogByteSizeMergePolicy());
    }

    /** Sequential reads (chunk reuse) and random reads (a chunk change at almost every document). */
    private static void assertReadsBack(FSDirectory directory, List<String> values, Random random) throws Exception {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(reader.maxDoc()).isEqualTo(values.size());
            List<String> sequential = new ArrayList<>();
            for (var leaf : reader.leaves()) {
                StoredFields fields = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) sequential.add(text(fields.document(doc)));
            }
            assertThat(sequential).isEqualTo(values); // LogByteSizeMergePolicy keeps documents in order
            StoredFields all = reader.storedFields();
            for (int i = 0; i < 2_000; i++) {
                int doc = random.nextInt(values.size());
                Document d = all.document(doc);
                assertThat(text(d)).isEqualTo(values.get(d.getField("n").numericValue().intValue()));
            }
        }
    }

    private static String text(Document doc) {
        var bytes = doc.getBinaryValue("raw");
        return new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
    }

    /** JSON-like lines of varied length (some larger than a chunk) with repeats, as real events have. */
    private static List<String> randomEvents(Random random, int count) {
        String[] hosts = {"hq-fs101", "br-ts103", "sort-db102", "web-01"};
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder s = new StringBuilder("{\"host\":\"").append(hosts[random.nextInt(hosts.length)])
                    .append("\",\"seq\":").append(i).append(",\"msg\":\"");
            int words = random.nextInt(50) == 0 ? 3_000 : random.nextInt(80);
            for (int w = 0; w < words; w++) s.append((char) ('a' + random.nextInt(26))).append(random.nextInt(1000)).append(' ');
            out.add(s.append("\"}").toString());
        }
        return out;
    }
}
