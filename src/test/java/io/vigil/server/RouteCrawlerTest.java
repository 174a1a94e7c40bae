package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.access.Principal;
import io.vigil.access.Role;
import io.vigil.server.config.VigilConfig;
import io.vigil.web.Access;
import io.vigil.web.HttpMethod;
import io.vigil.web.Route;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawls every route of a real Vigil — the whole composition, not just the web module — as nobody, a viewer,
 * an ingest token and an admin: each answer must be 401 without credentials, 403 when the role does not
 * allow the route, and neither when it does; no route hands event data to a caller without the role.
 */
class RouteCrawlerTest {
    private static final String ADMIN_PASSWORD = "crawler-admin-passphrase";
    private static final String VIEWER_PASSWORD = "crawler-viewer-passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    @Test
    void everyRouteAnswersEachCallerAsItsRoleDeserves() throws Exception {
        try (Vigil vigil = Vigil.open(VigilConfig.parse(JSON.readTree("{\"http\": {\"port\": 0}}")), dir.resolve("data"))) {
            vigil.bootstrapAdmin(ADMIN_PASSWORD);
            vigil.accounts().createUser("val", VIEWER_PASSWORD, Role.VIEWER);
            String token = vigil.accounts().createToken("admin", "shipper", Role.INGEST, Set.of()).secret();
            vigil.listen(new PrintStream(new ByteArrayOutputStream()));
            Map<String, String> callers = new LinkedHashMap<>();
            callers.put("viewer", basic("val", VIEWER_PASSWORD));
            callers.put("ingest", "ApiKey " + token);
            callers.put("admin", basic("admin", ADMIN_PASSWORD));
            Map<String, Role> roles = Map.of("viewer", Role.VIEWER, "ingest", Role.INGEST, "admin", Role.ADMIN);
            List<String> wrong = new ArrayList<>();
            List<Route> routes = vigil.routes().routes();
            assertThat(routes).hasSizeGreaterThan(60);
            for (Route route : routes) {
                if (route.access() instanceof Access.Public) continue;
                String path = route.path().replaceAll("\\{[^}]+}|<[^>]+>", "crawl-dummy");
                check(wrong, route, "nobody", send(vigil.port(), route.method(), path, null), 401);
                for (var caller : callers.entrySet()) {
                    Principal who = new Principal(caller.getKey(), roles.get(caller.getKey()), Set.of(), null);
                    int status = send(vigil.port(), route.method(), path, caller.getValue());
                    boolean allowed = route.access().permits(who);
                    if (!allowed) check(wrong, route, caller.getKey(), status, 403);
                    else if (status == 401 || status == 403) wrong.add(route.name() + " as " + caller.getKey() + ": " + status + " but the role allows it");
                }
            }
            assertThat(wrong).isEmpty();
            assertThat(send(vigil.port(), HttpMethod.POST, "/api/search", "ApiKey " + token)).as("ingest tokens read no events").isEqualTo(403);
        }
    }

    private static void check(List<String> wrong, Route route, String who, int status, int expected) {
        if (status != expected) wrong.add(route.name() + " as " + who + ": " + status + ", expected " + expected);
    }

    private int send(int port, HttpMethod method, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method.name(), method == HttpMethod.GET || method == HttpMethod.HEAD
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (authorization != null) b.header("Authorization", authorization);
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
