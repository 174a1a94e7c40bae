package io.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.access.Accounts;
import io.vigil.access.Role;
import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import io.vigil.ingest.bulk.RecordingGateway;
import io.vigil.meta.MetaDatabase;
import io.vigil.search.SearchService;
import io.vigil.store.EventStore;
import io.vigil.store.LuceneEventStore;
import io.vigil.store.SearchCancellation;
import io.vigil.store.SearchRequest;
import io.vigil.store.SearchResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancelling a running search over HTTP: only its owner (or an admin) can, the search then ends at once with
 * 409 {@code search cancelled}, and only admins list running searches with their query text.
 *
 * <p>The long query: a real leading-wildcard search over a real Lucene store, repeated until cancelled (at most
 * for a minute), so that the test does not depend on how fast this machine is; every repetition runs with the
 * request's cancellation, so the cancel has to travel through the store's Lucene paths to end it.
 */
class SearchCancelHttpTest {
    private static final long START = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
    private static final String QUERY = "message:*ken1*";

    @TempDir
    Path dir;
    private MetaDatabase db;
    private LuceneEventStore store;
    private WebServer server;
    private final AtomicInteger repetitions = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Repeats the real search until the cancellation stops it. */
    private final class UntilCancelled implements EventStore {
        @Override
        public SearchResult search(SearchRequest request) {
            throw new AssertionError("the web layer must run searches with a cancellation");
        }

        @Override
        public SearchResult search(SearchRequest request, SearchCancellation cancellation) throws IOException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            SearchResult result;
            do {
                result = store.search(request, cancellation);
                repetitions.incrementAndGet();
            } while (System.nanoTime() < deadline);
            return result;
        }

        // The rest is never called by search.
        @Override public void add(List<StoredEvent> events, long position) { throw new UnsupportedOperationException(); }
        @Override public void refresh() { }
        @Override public void commit() { }
        @Override public long replayFrom() { return 0; }
        @Override public java.util.Optional<Event> get(String id) { return java.util.Optional.empty(); }
        @Override public java.util.Optional<byte[]> original(String id) { return java.util.Optional.empty(); }
        @Override public int applyRetention(Duration maxAge, long maxBytes) { return 0; }
        @Override public List<PartitionStats> stats() { return List.of(); }
        @Override public void close() { }
    }

    @BeforeEach
    void start() throws IOException {
        db = MetaDatabase.open(dir);
        Accounts accounts = new Accounts(db, Clock.systemUTC());
        accounts.bootstrapAdmin(WebFixture.ADMIN_PASSWORD);
        accounts.createUser("viewer", WebFixture.VIEWER_PASSWORD, Role.VIEWER);
        accounts.createUser("other", WebFixture.VIEWER_PASSWORD, Role.VIEWER);
        store = LuceneEventStore.open(LuceneEventStore.Options.defaults(dir.resolve("store")));
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Map<String, Object> fields = new LinkedHashMap<>();
            long ts = START + i * 1000L;
            fields.put("@timestamp", Instant.ofEpochMilli(ts).toString());
            fields.put("message", "login from token" + (i * 7919 % 100_003) + " by account" + i);
            events.add(new StoredEvent(new Event("e" + i, ts, fields), ("raw " + i).getBytes(StandardCharsets.UTF_8)));
        }
        store.add(events, 1);
        store.refresh();
        WebContext context = new WebContext(accounts, new RecordingGateway(),
                new SearchService(new UntilCancelled(), Clock.systemUTC()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), "127.0.0.1", 0, WebLimits.defaults(), Clock.systemUTC());
        server = new WebServer(context).start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        store.close();
        db.close();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static final String VIEWER = basic("viewer", WebFixture.VIEWER_PASSWORD);
    private static final String OTHER = basic("other", WebFixture.VIEWER_PASSWORD);
    private static final String ADMIN = basic("admin", WebFixture.ADMIN_PASSWORD);

    private HttpRequest.Builder request(String path, String authorization) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(90)).header("Authorization", authorization);
    }

    private CompletableFuture<HttpResponse<String>> startSearch(String id) {
        String body = "{\"query\": \"" + QUERY + "\", \"from\": \"2026-12-01T00:00:00Z\", \"to\": \"2026-12-02T00:00:00Z\","
                + " \"size\": 50, \"aggs\": {\"h\": {\"date_histogram\": {\"field\": \"@timestamp\", \"fixed_interval\": \"1h\"}}}}";
        return http.sendAsync(request("/api/search", VIEWER).header("Content-Type", "application/json")
                .header(SearchRoutes.SEARCH_ID_HEADER, id).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> cancel(String id, String authorization) throws IOException, InterruptedException {
        return send(request("/api/search/" + id, authorization).DELETE().build());
    }

    private JsonNode running(String authorization) throws IOException, InterruptedException {
        HttpResponse<String> r = send(request("/api/search/running", authorization).GET().build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Replies.JSON.readTree(r.body()).get("searches");
    }

    private void awaitRunning(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (JsonNode s : running(ADMIN)) if (s.get("id").asText().equals(id) && repetitions.get() > 0) return;
            Thread.sleep(20);
        }
        throw new AssertionError("search " + id + " never showed up as running");
    }

    @Test
    void onlyTheOwnerOrAnAdminCancelsARunningSearchWhichThenEndsAtOnce() throws Exception {
        CompletableFuture<HttpResponse<String>> answer = startSearch("s-owner-1");
        awaitRunning("s-owner-1");

        assertThat(cancel("s-owner-1", OTHER).statusCode()).as("another user's cancel").isEqualTo(404);
        assertThat(cancel("no-such-search", VIEWER).statusCode()).isEqualTo(404);
        Thread.sleep(200);
        assertThat(answer).as("still running after the other user's attempt").isNotDone();

        JsonNode listed = running(ADMIN);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("user").asText()).isEqualTo("viewer");
        assertThat(listed.get(0).get("query").asText()).isEqualTo(QUERY);
        assertThat(listed.get(0).get("elapsed_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(send(request("/api/search/running", OTHER).GET().build()).statusCode())
                .as("a viewer may not see other users' queries").isEqualTo(403);

        long cancelledAt = System.nanoTime();
        assertThat(cancel("s-owner-1", VIEWER).statusCode()).isEqualTo(204);
        HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
        long stoppedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(Replies.JSON.readTree(response.body()).get("error").asText()).isEqualTo("search cancelled");
        assertThat(stoppedMillis).as("ms from cancel to answer (uncancelled, it runs a minute)").isLessThan(10_000);
        assertThat(running(ADMIN)).as("a finished search leaves the registry").isEmpty();
        assertThat(cancel("s-owner-1", VIEWER).statusCode()).as("nothing left to cancel").isEqualTo(404);
    }

    @Test
    void anAdminCancelsAnyonesSearch() throws Exception {
        CompletableFuture<HttpResponse<String>> answer = startSearch("s-admin-2");
        awaitRunning("s-admin-2");
        assertThat(cancel("s-admin-2", ADMIN).statusCode()).isEqualTo(204);
        assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(409);
    }

    @Test
    void cancellingNeedsAuthentication() throws Exception {
        HttpRequest anonymous = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/search/x"))
                .DELETE().build();
        assertThat(send(anonymous).statusCode()).isEqualTo(401);
    }

    @Test
    void aMalformedSearchIdIsRejected() throws Exception {
        HttpResponse<String> r = startSearch("bad id!").get(30, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("search id");
    }
}
