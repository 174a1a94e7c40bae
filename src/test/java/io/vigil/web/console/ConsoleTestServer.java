package io.vigil.web.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.access.Accounts;
import io.vigil.access.Role;
import io.vigil.meta.MetaDatabase;
import io.vigil.search.SearchService;
import io.vigil.web.WebContext;
import io.vigil.web.WebServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real Vigil web server (real accounts in H2, real routes, real console files) over an in-memory store,
 * with users of each role. The browser talks to a thin pass-through proxy in front of it whose only job is
 * to answer {@code POST /api/search} with {@link StandInSearch} while the real SearchService still answers
 * 501 (not merged yet); once it works, every request — search included — is the server's own answer.
 */
final class ConsoleTestServer implements AutoCloseable {
    static final String ADMIN_PASSWORD = "admin passphrase 1";
    static final String ANALYST_PASSWORD = "analyst passphrase";
    static final String VIEWER_PASSWORD = "viewer passphrase";
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "expect", "keep-alive", "date");

    final Path dir;
    final MetaDatabase db;
    final Accounts accounts;
    final MemoryEventStore store = new MemoryEventStore();
    final StoringGateway gateway = new StoringGateway(store);
    final WebServer web;
    final String ingestToken;
    private final StandInSearch standIn = new StandInSearch(store);
    private final HttpServer proxy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    volatile boolean standInUsed;
    /** A search whose body contains this is held back 4 s by the proxy. */
    static final String SLOW_MARKER = "slowmarker";

    ConsoleTestServer() throws IOException {
        dir = Files.createTempDirectory("vigil-console-test");
        db = MetaDatabase.open(dir);
        accounts = new Accounts(db, Clock.systemUTC());
        accounts.bootstrapAdmin(ADMIN_PASSWORD);
        accounts.createUser("analyst", ANALYST_PASSWORD, Role.ANALYST);
        accounts.createUser("viewer", VIEWER_PASSWORD, Role.VIEWER);
        accounts.createUser("shipper", "shipper passphrase", Role.INGEST);
        ingestToken = accounts.createToken("shipper", "filebeat", Role.INGEST, Set.of()).secret();
        WebContext context = WebContext.local(accounts, gateway, new SearchService(store, Clock.systemUTC()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), 0);
        web = new WebServer(context, new FakeStageRoutes(TestEvents.PAYLOADS.get(1)).routes()).start();
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", this::forward);
        proxy.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        proxy.start();
    }

    /** Where the browser goes. */
    String baseUrl() {
        return "http://127.0.0.1:" + proxy.getAddress().getPort();
    }

    /** The Vigil server itself, for direct API calls. */
    String serverUrl() {
        return "http://127.0.0.1:" + web.port();
    }

    HttpResponse<String> post(String path, String authorization, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl() + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (new String(body, java.nio.charset.StandardCharsets.UTF_8).contains(SLOW_MARKER)) {
                Thread.sleep(4000);              // lets a test cancel a search that is still running
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverUrl() + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 501 && exchange.getRequestURI().getPath().equals("/api/search")) {
                standInUsed = true;
                Object[] answer = standIn.answer(body);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                reply(exchange, (Integer) answer[0], StandInSearch.JSON.writeValueAsBytes(answer[1]));
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            reply(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() throws IOException {
        proxy.stop(0);
        web.close();
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
