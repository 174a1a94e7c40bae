package io.vigil.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.event.RawBatch;
import io.vigil.ingest.IngestRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkIngestTest {
    private final RecordingGateway gateway = new RecordingGateway();
    private final Clock clock = Clock.fixed(Instant.parse("2026-02-02T00:00:00Z"), ZoneOffset.UTC);
    private final BulkIngest ingest = new BulkIngest(gateway, clock, Duration.ofSeconds(5));
    private final BulkRequestParser parser = new BulkRequestParser(() -> "g");

    private BulkResponse run(String body) throws IOException {
        List<BulkItem> items = parser.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "main");
        return ingest.ingest(items, "10.0.0.9", System.nanoTime());
    }

    @Test
    void groupsDocumentsIntoOneBatchPerIndexInOrder() throws IOException {
        BulkResponse response = run("""
                {"index":{}}
                {"n":1}
                {"index":{"_index":"other"}}
                {"n":2}
                {"create":{}}
                {"n":3}
                """);
        assertThat(response.httpStatus()).isEqualTo(200);
        List<RawBatch> batches = gateway.batches();
        assertThat(batches).extracting(RawBatch::index).containsExactly("main", "other");
        RawBatch main = batches.get(0);
        assertThat(main.source()).isEqualTo("bulk");
        assertThat(main.sourceAddress()).isEqualTo("10.0.0.9");
        assertThat(main.receivedAt()).isEqualTo(clock.millis());
        assertThat(main.lines()).extracting(b -> new String(b, StandardCharsets.UTF_8)).containsExactly("{\"n\":1}", "{\"n\":3}");
        JsonNode items = response.body().get("items");
        assertThat(response.body().get("errors").asBoolean()).isFalse();
        assertThat(items.get(2).get("create").get("status").asInt()).isEqualTo(201);
        assertThat(items.get(2).get("create").get("_seq_no").asLong()).isEqualTo(2);
    }

    @Test
    void rejectingOneIndexOnlyFailsItsItemsWith429() throws IOException {
        gateway.failWhen(b -> b.index().equals("other") ? new IngestRejectedException("full", 3) : null);
        BulkResponse response = run("{\"index\":{}}\n{\"n\":1}\n{\"index\":{\"_index\":\"other\"}}\n{\"n\":2}\n");
        assertThat(response.httpStatus()).isEqualTo(200);
        assertThat(response.body().get("errors").asBoolean()).isTrue();
        assertThat(response.body().at("/items/0/index/status").asInt()).isEqualTo(201);
        assertThat(response.body().at("/items/1/index/status").asInt()).isEqualTo(429);
    }

    @Test
    void nonRejectionFailureOfEverythingIs503() throws IOException {
        gateway.failWhen(b -> new IllegalStateException("disk gone"));
        BulkResponse response = run("{\"index\":{}}\n{\"n\":1}\n");
        assertThat(response.httpStatus()).isEqualTo(503);
        assertThat(response.retryAfterSeconds()).isPositive();
        assertThat(response.body().at("/error/reason").asText()).contains("disk gone");
    }

    @Test
    void bodyWithoutActionsIs400() throws IOException {
        assertThat(run("\n").httpStatus()).isEqualTo(400);
        assertThat(gateway.batches()).isEmpty();
    }

    @Test
    void writesTheElasticsearchItemShapesExactly() throws IOException {
        BulkResponse response = run("""
                {"index":{"_id":"a"}}
                {"n":1}
                {"delete":{"_id":"b"}}
                {"create":{}}
                {"n":
                {"index":{}}
                {"n":2}
                """);
        String json = new String(response.json(), StandardCharsets.UTF_8).replaceFirst("\\{\"took\":\\d+,", "{");
        assertThat(json).isEqualTo("{\"errors\":true,\"items\":["
                + "{\"index\":{\"_index\":\"main\",\"_id\":\"a\",\"_version\":1,\"result\":\"created\",\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0},\"_seq_no\":0,\"_primary_term\":1,\"status\":201}},"
                + "{\"delete\":{\"_index\":\"main\",\"_id\":\"b\",\"status\":400,\"error\":{\"type\":\"illegal_argument_exception\",\"reason\":\"delete is not supported: Vigil keeps events immutable; use index or create\"}}},"
                + "{\"create\":{\"_index\":\"main\",\"_id\":\"g\",\"status\":400,\"error\":{\"type\":\"mapper_parsing_exception\",\"reason\":\"failed to parse document on line [5]: Unexpected end-of-input within/between Object entries at column 6; the raw text was kept as a parse failure\"}}},"
                + "{\"index\":{\"_index\":\"main\",\"_id\":\"g\",\"_version\":1,\"result\":\"created\",\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0},\"_seq_no\":1,\"_primary_term\":1,\"status\":201}}]}");
        assertThat(response.failedItems()).isEqualTo(2);
    }
}
