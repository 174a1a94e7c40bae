package io.vigil.store.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * Through IndexWriter, which drives the reuse contract for real: several documents, String and Reader values,
 * a multi-valued field (its offsets continue from each value's final offset). The term vectors — terms,
 * positions, offsets — must be those StandardAnalyzer writes.
 */
class LogTextAnalyzerIndexingTest {

    private static final List<String> MESSAGES = List.of(
            "Failed password for invalid user admin from 203.0.113.9 port 52144 ssh2",
            "sshd[2231]: Accepted publickey for ROOT from 10.0.0.1 port 22 ssh2: RSA SHA256:abc/def+ghi",
            "café login by Jürgen from 2001:db8::1", "", "  ", "pam_unix(sudo:session): session opened for user root(uid=0)",
            "x".repeat(600) + " tail", "GET /index.php?id=1,000.5&name=don't HTTP/1.1 200");

    @Test
    void writesTheSameTermVectorsAsStandardAnalyzer() throws IOException {
        List<String> expected = termVectors(new StandardAnalyzer());
        assertThat(expected).contains("0/message 203.0.113.9 7@44-55", "0/message ssh2 10@67-71 21@134-138");
        assertThat(termVectors(new LogTextAnalyzer())).isEqualTo(expected);
    }

    @Test
    void normalizesQueryTermsAsStandardAnalyzer() {
        for (String text : List.of("ROOT*", "Jürgen", "SSHD[2231]", "C:\\Windows", "")) {
            assertThat(new LogTextAnalyzer().normalize("message", text))
                    .isEqualTo(new StandardAnalyzer().normalize("message", text));
        }
    }

    private static List<String> termVectors(Analyzer analyzer) throws IOException {
        FieldType withVectors = new FieldType(TextField.TYPE_NOT_STORED);
        withVectors.setStoreTermVectors(true);
        withVectors.setStoreTermVectorPositions(true);
        withVectors.setStoreTermVectorOffsets(true);
        withVectors.freeze();
        List<String> out = new ArrayList<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (int i = 0; i < MESSAGES.size(); i++) {
                    Document doc = new Document();
                    doc.add(new Field("message", MESSAGES.get(i), withVectors));
                    doc.add(new Field("message", new StringReader(MESSAGES.get((i + 1) % MESSAGES.size())), withVectors));
                    doc.add(new Field("other", MESSAGES.get((i + 2) % MESSAGES.size()), withVectors));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    for (String field : List.of("message", "other")) {
                        Terms terms = reader.termVectors().get(doc, field);
                        if (terms != null) {
                            describe(doc + "/" + field, terms.iterator(), out);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void describe(String where, TermsEnum terms, List<String> out) throws IOException {
        for (BytesRef term = terms.next(); term != null; term = terms.next()) {
            PostingsEnum postings = terms.postings(null, PostingsEnum.ALL);
            postings.nextDoc();
            StringBuilder line = new StringBuilder(where).append(' ').append(term.utf8ToString());
            for (int i = 0; i < postings.freq(); i++) {
                line.append(' ').append(postings.nextPosition()).append('@')
                        .append(postings.startOffset()).append('-').append(postings.endOffset());
            }
            out.add(line.toString());
        }
    }
}
