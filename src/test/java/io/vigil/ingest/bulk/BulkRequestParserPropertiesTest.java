package io.vigil.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** jqwik prints the seed of a failing run; rerun with {@code @Property(seed = "...")}. */
class BulkRequestParserPropertiesTest {
    private final BulkRequestParser parser = new BulkRequestParser(() -> "id");

    @Property(tries = 300)
    void arbitraryBytesNeverThrowAndEveryDocumentKeepsItsExactLine(@ForAll("bodies") String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<BulkItem> items = parser.parse(new ByteArrayInputStream(bytes), "idx");
        String[] lines = body.split("\n", -1);
        for (BulkItem item : items) {
            assertThat(item.lineNumber()).isBetween(1, lines.length);
            if (item instanceof BulkItem.Document doc) {
                String expected = lines[doc.lineNumber() - 1];
                expected = expected.endsWith("\r") ? expected.substring(0, expected.length() - 1) : expected;
                assertThat(new String(doc.source(), StandardCharsets.UTF_8)).isEqualTo(expected);
            }
        }
    }

    @Property(tries = 200)
    void wellFormedPairsAllBecomeCleanDocuments(@ForAll("documents") List<String> documents) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String doc : documents) {
            body.append("{\"index\":{}}\n").append(doc).append('\n');
        }
        List<BulkItem> items = parser.parse(new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8)), "idx");
        assertThat(items).hasSize(documents.size());
        for (int i = 0; i < items.size(); i++) {
            BulkItem.Document doc = (BulkItem.Document) items.get(i);
            assertThat(doc.parseError()).isNull();
            assertThat(new String(doc.source(), StandardCharsets.UTF_8)).isEqualTo(documents.get(i));
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of("{\"index\":{}}", "{\"create\":{\"_id\":\"a\"}}", "{\"delete\":{}}", "{\"update\":{}}",
                        "{\"a\":1}", "{\"a\":", "[1]", "", "  ", "\r", "{}", "null", "{\"index\":{\"_index\":\"UP\"}}"),
                Arbitraries.strings().ofMaxLength(20));
        return fragment.list().ofMaxSize(30).map(parts -> String.join("\n", parts));
    }

    @Provide
    Arbitrary<List<String>> documents() {
        Arbitrary<String> value = Arbitraries.strings().alpha().numeric().ofMaxLength(12);
        Arbitrary<String> doc = Arbitraries.maps(value, value).ofMaxSize(4).map(m -> {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
            return sb.append('}').toString();
        });
        return doc.list().ofMaxSize(20);
    }
}
