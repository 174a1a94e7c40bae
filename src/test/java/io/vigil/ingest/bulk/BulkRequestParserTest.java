package io.vigil.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BulkRequestParserTest {
    private final AtomicInteger counter = new AtomicInteger();
    private final BulkRequestParser parser = new BulkRequestParser(() -> "gen-" + counter.incrementAndGet());

    private List<BulkItem> parse(String body, String pathIndex) throws IOException {
        return parser.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), pathIndex);
    }

    @Test
    void parsesIndexAndCreateActionsWithIdsAndIndexes() throws IOException {
        List<BulkItem> items = parse("""
                {"index":{"_index":"logs-a","_id":"1"}}
                {"message":"one"}
                {"create":{}}
                {"message":"two"}""", "default");
        assertThat(items).hasSize(2);
        BulkItem.Document first = (BulkItem.Document) items.get(0);
        assertThat(first.action()).isEqualTo("index");
        assertThat(first.index()).isEqualTo("logs-a");
        assertThat(first.id()).isEqualTo("1");
        assertThat(new String(first.source(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"one\"}");
        assertThat(first.parseError()).isNull();
        BulkItem.Document second = (BulkItem.Document) items.get(1);
        assertThat(second.action()).isEqualTo("create");
        assertThat(second.index()).isEqualTo("default");
        assertThat(second.id()).isEqualTo("gen-1");
        assertThat(second.lineNumber()).isEqualTo(4);
    }

    @Test
    void skipsBlankLinesAndCarriageReturnsAndAcceptsMissingFinalNewline() throws IOException {
        List<BulkItem> items = parse("\r\n{\"index\":{}}\r\n\r\n{\"a\":1}\r\n\n{\"index\":{}}\n{\"a\":2}", "x");
        assertThat(items).hasSize(2).allSatisfy(i -> assertThat(i).isInstanceOf(BulkItem.Document.class));
        assertThat(new String(((BulkItem.Document) items.get(0)).source(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(items.get(1).lineNumber()).isEqualTo(7);
    }

    @Test
    void malformedDocumentIsKeptWithAnErrorNamingItsLine() throws IOException {
        List<BulkItem> items = parse("""
                {"index":{}}
                {"ok":true}
                {"index":{}}
                {"broken":
                {"index":{}}
                ["not","an","object"]
                {"index":{}}
                {"ok":2}
                """, "logs");
        assertThat(items).hasSize(4).allSatisfy(i -> assertThat(i).isInstanceOf(BulkItem.Document.class));
        BulkItem.Document broken = (BulkItem.Document) items.get(1);
        assertThat(broken.parseError()).contains("line [4]");
        assertThat(new String(broken.source(), StandardCharsets.UTF_8)).isEqualTo("{\"broken\":");
        assertThat(((BulkItem.Document) items.get(2)).parseError()).contains("line [6]").contains("expected a JSON object");
        assertThat(((BulkItem.Document) items.get(3)).parseError()).isNull();
    }

    @Test
    void malformedActionLineGetsAnErrorAndTheParserResynchronises() throws IOException {
        List<BulkItem> items = parse("""
                {"index":
                {"dropped":"doc"}
                {"index":{}}
                {"kept":1}
                not json at all
                {"index":{}}
                {"kept":2}
                """, "logs");
        assertThat(items).hasSize(4);
        assertThat(items.get(0)).isInstanceOfSatisfying(BulkItem.Rejected.class,
                r -> assertThat(r.reason()).contains("line [1]"));
        assertThat(items.get(1)).isInstanceOf(BulkItem.Document.class);
        assertThat(items.get(2)).isInstanceOf(BulkItem.Rejected.class);
        assertThat(items.get(3)).isInstanceOfSatisfying(BulkItem.Document.class,
                d -> assertThat(new String(d.source(), StandardCharsets.UTF_8)).isEqualTo("{\"kept\":2}"));
    }

    @Test
    void deleteAndUpdateAreRejectedWithoutBreakingTheRest() throws IOException {
        List<BulkItem> items = parse("""
                {"delete":{"_id":"9"}}
                {"update":{"_id":"8"}}
                {"doc":{"a":1}}
                {"index":{"_id":"7"}}
                {"a":1}
                """, "logs");
        assertThat(items).hasSize(3);
        assertThat(items.get(0)).isInstanceOfSatisfying(BulkItem.Rejected.class, r -> {
            assertThat(r.action()).isEqualTo("delete");
            assertThat(r.id()).isEqualTo("9");
            assertThat(r.reason()).contains("not supported");
        });
        assertThat(items.get(1).action()).isEqualTo("update");
        assertThat(items.get(2)).isInstanceOf(BulkItem.Document.class);
        assertThat(items.get(2).id()).isEqualTo("7");
    }

    @Test
    void missingIndexFallsBackToTheDefaultAndInvalidIndexIsAPerItemError() throws IOException {
        List<BulkItem> items = parse("""
                {"index":{}}
                {"a":1}
                {"index":{"_index":"Bad Name"}}
                {"a":2}
                {"index":{"_index":"good"}}
                """, null);
        assertThat(items).hasSize(3);
        assertThat(items.get(0)).isInstanceOf(BulkItem.Document.class);
        assertThat(items.get(0).index()).isEqualTo(BulkRequestParser.DEFAULT_INDEX);
        assertThat(((BulkItem.Rejected) items.get(1)).errorType()).isEqualTo("invalid_index_name_exception");
        assertThat(((BulkItem.Rejected) items.get(2)).reason()).contains("no document line");
    }

    @Test
    void emptyBodyHasNoItems() throws IOException {
        assertThat(parse("\n\n  \n", "x")).isEmpty();
    }
}
