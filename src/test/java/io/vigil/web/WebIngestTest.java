package io.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.event.RawBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebIngestTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static WebFixture web;
    static String token;

    @BeforeAll
    static void start() throws IOException {
        web = new WebFixture(new WebLimits(64 * 1024, 1 << 20, Duration.ofSeconds(5), Duration.ofHours(1)));
        token = "ApiKey " + web.ingestToken;
    }

    @AfterAll
    static void stop() throws IOException {
        web.close();
    }

    @BeforeEach
    void accept() {
        web.gateway.acceptAll();
    }

    private static List<String> lines(RawBatch batch) {
        return batch.lines().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    private List<RawBatch> newBatches(int before) {
        List<RawBatch> all = web.gateway.batches();
        return all.subList(before, all.size());
    }

    @Test
    void bulkRoundTripAnswersLikeElasticsearchPerItem() throws Exception {
        int before = web.gateway.batches().size();
        HttpResponse<String> response = web.post("/logs-web/_bulk", token, "application/x-ndjson", """
                {"index":{"_id":"a1"}}
                {"message":"first"}
                {"create":{"_index":"other"}}
                {"message":"second"}
                {"delete":{"_id":"x"}}
                {"index":{}}
                {"message":"third"}""");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Elastic-Product")).contains("Elasticsearch");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("errors").asBoolean()).isTrue();
        JsonNode items = body.get("items");
        assertThat(items).hasSize(4);
        JsonNode first = items.get(0).get("index");
        assertThat(first.get("_index").asText()).isEqualTo("logs-web");
        assertThat(first.get("_id").asText()).isEqualTo("a1");
        assertThat(first.get("status").asInt()).isEqualTo(201);
        assertThat(first.get("result").asText()).isEqualTo("created");
        assertThat(first.get("_shards").get("successful").asInt()).isEqualTo(1);
        assertThat(items.get(1).get("create").get("_index").asText()).isEqualTo("other");
        assertThat(items.get(2).get("delete").get("status").asInt()).isEqualTo(400);
        assertThat(items.get(3).get("index").get("_id").asText()).hasSize(20);

        List<RawBatch> batches = newBatches(before);
        assertThat(batches).extracting(RawBatch::index).containsExactly("logs-web", "other");
        assertThat(lines(batches.get(0))).containsExactly("{\"message\":\"first\"}", "{\"message\":\"third\"}");
        assertThat(batches.get(0).source()).isEqualTo("bulk");
        assertThat(batches.get(0).sourceAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void malformedDocumentDoesNotPoisonTheBatchAndIsStillJournaled() throws Exception {
        int before = web.gateway.batches().size();
        HttpResponse<String> response = web.post("/_bulk", token, "application/json",
                "{\"index\":{\"_index\":\"app\"}}\n{\"ok\":1}\n{\"index\":{\"_index\":\"app\"}}\n{broken\n"
                        + "{\"index\":{\"_index\":\"app\"}}\n{\"ok\":2}\n");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode items = JSON.readTree(response.body()).get("items");
        assertThat(items.get(0).at("/index/status").asInt()).isEqualTo(201);
        assertThat(items.get(1).at("/index/status").asInt()).isEqualTo(400);
        assertThat(items.get(1).at("/index/error/type").asText()).isEqualTo("mapper_parsing_exception");
        assertThat(items.get(1).at("/index/error/reason").asText()).contains("line [4]");
        assertThat(items.get(2).at("/index/status").asInt()).isEqualTo(201);
        assertThat(lines(newBatches(before).get(0))).containsExactly("{\"ok\":1}", "{broken", "{\"ok\":2}");
    }

    @Test
    void rejectedBatchIs429WithRetryAfterAndEsErrorBody() throws Exception {
        web.gateway.rejectAll(7);
        HttpResponse<String> response = web.post("/logs/_bulk", token, "application/x-ndjson", "{\"index\":{}}\n{\"a\":1}\n");
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("7");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/error/type").asText()).isEqualTo("es_rejected_execution_exception");
        assertThat(body.get("status").asInt()).isEqualTo(429);

        HttpResponse<String> events = web.post("/api/events", token, "application/json", "[{\"a\":1}]");
        assertThat(events.statusCode()).isEqualTo(429);
        assertThat(events.headers().firstValue("Retry-After")).contains("7");
    }

    @Test
    void otherGatewayFailuresAre503() throws Exception {
        web.gateway.failWhen(b -> new IllegalStateException("disk failed"));
        assertThat(web.post("/logs/_bulk", token, "application/x-ndjson", "{\"index\":{}}\n{\"a\":1}\n").statusCode())
                .isEqualTo(503);
        assertThat(web.post("/api/events", token, "application/json", "{\"a\":1}").statusCode()).isEqualTo(503);
    }

    @Test
    void acceptsGzipBodies() throws Exception {
        int before = web.gateway.batches().size();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write("{\"index\":{}}\n{\"zipped\":true}\n".getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest request = web.request("/gz/_bulk").header("Authorization", token)
                .header("Content-Type", "application/x-ndjson").header("Content-Encoding", "gzip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(compressed.toByteArray())).build();
        HttpResponse<String> response = web.send(request);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("errors").asBoolean()).isFalse();
        assertThat(lines(newBatches(before).get(0))).containsExactly("{\"zipped\":true}");
    }

    @Test
    void bodiesOverTheLimitAre413EvenWhenCompressed() throws Exception {
        String big = "{\"index\":{}}\n{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}\n";
        assertThat(web.post("/logs/_bulk", token, "application/x-ndjson", big).statusCode()).isEqualTo(413);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(big.getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = web.send(web.request("/logs/_bulk").header("Authorization", token)
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(compressed.toByteArray())).build());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("larger than");
    }

    @Test
    void eventsAcceptJsonArraysAndNdjson() throws Exception {
        int before = web.gateway.batches().size();
        HttpResponse<String> array = web.post("/api/events?index=app", token, "application/json",
                "[{\"a\":1}, {\"b\": [1, 2]}, 3]");
        assertThat(array.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(array.body());
        assertThat(body.get("accepted").asInt()).isEqualTo(3);
        assertThat(body.get("errors")).hasSize(1);
        assertThat(body.get("errors").get(0).get("index").asInt()).isEqualTo(2);

        HttpResponse<String> ndjson = web.post("/api/events", "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("shipper:" + WebFixture.INGEST_PASSWORD).getBytes()), "application/x-ndjson", "{\"c\":1}\n\n{\"d\":2}\n");
        assertThat(ndjson.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ndjson.body()).get("accepted").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(ndjson.body()).get("errors")).isEmpty();

        List<RawBatch> batches = newBatches(before);
        assertThat(batches).extracting(RawBatch::source).containsExactly("http", "http");
        assertThat(batches.get(0).index()).isEqualTo("app");
        assertThat(lines(batches.get(0))).containsExactly("{\"a\":1}", "{\"b\": [1, 2]}", "3");
        assertThat(lines(batches.get(1))).containsExactly("{\"c\":1}", "{\"d\":2}");
        assertThat(web.post("/api/events", token, "application/json", "[{\"a\":").statusCode()).isEqualTo(400);
    }

    @Test
    void answersTheProbesShippersSendBeforeIngesting() throws Exception {
        HttpResponse<String> root = web.get("/", token);
        assertThat(root.statusCode()).isEqualTo(200);
        JsonNode version = JSON.readTree(root.body());
        assertThat(version.at("/version/number").asText()).isEqualTo("8.11.0");
        assertThat(version.get("tagline").asText()).isEqualTo("You Know, for Search");
        assertThat(web.send(web.request("/").header("Authorization", token).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build()).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(web.get("/_license", token).body()).at("/license/type").asText()).isEqualTo("basic");
        HttpResponse<String> template = web.send(web.request("/_index_template/filebeat-8.11.0").header("Authorization", token)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"index_patterns\":[\"filebeat-*\"]}")).build());
        assertThat(JSON.readTree(template.body()).get("acknowledged").asBoolean()).isTrue();
        assertThat(web.get("/_ilm/policy/filebeat", token).statusCode()).isEqualTo(200);
    }
}
