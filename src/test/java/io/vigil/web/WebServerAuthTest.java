package io.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.access.Role;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebServerAuthTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static WebFixture web;

    @BeforeAll
    static void start() throws IOException {
        web = new WebFixture();
    }

    @AfterAll
    static void stop() throws IOException {
        web.close();
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void healthIsPublic() throws Exception {
        HttpResponse<String> response = web.get("/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void everyNonPublicRouteAnswers401WithoutCredentials() throws Exception {
        List<Route> guarded = web.server.routes().routes().stream()
                .filter(r -> !(r.access() instanceof Access.Public)).toList();
        assertThat(guarded).hasSizeGreaterThan(20);
        for (Route route : guarded) {
            String path = route.path().replaceAll("\\{[^}]+}|<[^>]+>", "dummy");
            HttpRequest request = web.request(path)
                    .method(route.method().name(), HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json").build();
            HttpResponse<String> response = web.send(request);
            assertThat(response.statusCode()).as(route.name()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(route.name())
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm=\"vigil\""));
            if (route.method() != HttpMethod.HEAD) {
                assertThat(json(response).get("status").asInt()).as(route.name()).isEqualTo(401);
            }
        }
        assertThat(web.gateway.batches()).isEmpty();
    }

    @Test
    void unknownPathsAre401BeforeAuthenticationAnd404After() throws Exception {
        assertThat(web.get("/api/secret-admin-thing", null).statusCode()).isEqualTo(401);
        assertThat(web.get("/nothing/here/at/all", WebFixture.basic("admin", "wrong password!")).statusCode()).isEqualTo(401);
        HttpResponse<String> found = web.get("/api/secret-admin-thing", WebFixture.basic("admin", WebFixture.ADMIN_PASSWORD));
        assertThat(found.statusCode()).isEqualTo(404);
        assertThat(json(found).get("error").asText()).contains("/api/secret-admin-thing");
    }

    @Test
    void basicPasswordAuthenticates() throws Exception {
        HttpResponse<String> me = web.get("/api/me", WebFixture.basic("viewer", WebFixture.VIEWER_PASSWORD));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("user").asText()).isEqualTo("viewer");
        assertThat(json(me).get("role").asText()).isEqualTo("viewer");
    }

    @Test
    void badCredentialsAre401WithChallengeAndJson() throws Exception {
        for (String auth : List.of(WebFixture.basic("viewer", "not the password"), WebFixture.basic("ghost", "whatever12345"),
                "Basic !!!notbase64", "ApiKey vgl_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Digest x")) {
            HttpResponse<String> response = web.get("/api/me", auth);
            assertThat(response.statusCode()).as(auth).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(json(response).get("error").asText()).contains("authentication required");
        }
    }

    @Test
    void tokenWorksAsBasicPasswordApiKeyAndEsApiKey() throws Exception {
        String token = web.ingestToken;
        assertThat(web.get("/api/me", WebFixture.basic("shipper", token)).statusCode()).isEqualTo(200);
        assertThat(web.get("/api/me", WebFixture.basic("viewer", token)).statusCode()).as("other user's token").isEqualTo(401);
        assertThat(web.get("/api/me", "ApiKey " + token).statusCode()).isEqualTo(200);
        String id = token.substring(4, 20);
        String secret = token.substring(21);
        String esForm = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes());
        HttpResponse<String> me = web.get("/api/me", "ApiKey " + esForm);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("token_id").asText()).isEqualTo(id);
        assertThat(json(me).get("role").asText()).isEqualTo("ingest");
    }

    @Test
    void wrongRoleIs403() throws Exception {
        String viewer = WebFixture.basic("viewer", WebFixture.VIEWER_PASSWORD);
        HttpResponse<String> tokens = web.post("/api/tokens", viewer, "application/json", "{\"name\":\"x\",\"role\":\"admin\"}");
        assertThat(tokens.statusCode()).isEqualTo(403);
        assertThat(json(tokens).get("error").asText()).contains("role admin");
        assertThat(web.post("/_bulk", viewer, "application/x-ndjson", "{\"index\":{}}\n{}\n").statusCode()).isEqualTo(403);
        assertThat(web.post("/api/search", "ApiKey " + web.ingestToken, "application/json", "{}").statusCode()).isEqualTo(403);
        assertThat(web.get("/metrics", viewer).statusCode()).isEqualTo(403);
        assertThat(web.gateway.batches()).isEmpty();
    }

    @Test
    void metricsNeedAdminOrTheMetricsCapability() throws Exception {
        assertThat(web.get("/metrics", "ApiKey " + web.ingestToken).statusCode()).isEqualTo(403);
        HttpResponse<String> scraped = web.get("/metrics", "ApiKey " + web.metricsToken);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(web.get("/metrics", WebFixture.basic("admin", WebFixture.ADMIN_PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void sessionCookieLoginAndLogout() throws Exception {
        HttpResponse<String> bad = web.post("/api/login", null, "application/json", "{\"user\":\"viewer\",\"password\":\"nope nope nope\"}");
        assertThat(bad.statusCode()).isEqualTo(401);
        HttpResponse<String> login = web.post("/api/login", null, "application/json",
                "{\"user\":\"viewer\",\"password\":\"" + WebFixture.VIEWER_PASSWORD + "\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("vigil_session=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> me = web.send(web.request("/api/me").header("Cookie", cookie).GET().build());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("user").asText()).isEqualTo("viewer");

        String csrf = json(login).get("csrf_token").asText();
        HttpResponse<String> logout = web.send(web.request("/api/logout").header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(web.send(web.request("/api/me").header("Cookie", cookie).GET().build()).statusCode()).isEqualTo(401);
        assertThat(web.send(web.request("/api/me").header("Cookie", "vigil_session=forged").GET().build()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void adminCreatesListsAndRevokesTokensWithoutSecretsInListings() throws Exception {
        String admin = WebFixture.basic("admin", WebFixture.ADMIN_PASSWORD);
        HttpResponse<String> created = web.post("/api/tokens", admin, "application/json", "{\"name\":\"vector\",\"role\":\"ingest\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String token = json(created).get("token").asText();
        String id = json(created).get("id").asText();
        assertThat(token).startsWith("vgl_" + id + "_");
        assertThat(web.get("/api/me", "ApiKey " + token).statusCode()).isEqualTo(200);

        HttpResponse<String> list = web.get("/api/tokens", admin);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(id).doesNotContain(token.substring(21)).doesNotContain("\"token\"");

        HttpResponse<String> revoked = web.send(web.request("/api/tokens/" + id).header("Authorization", admin).DELETE().build());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(web.get("/api/me", "ApiKey " + token).statusCode()).isEqualTo(401);
        HttpResponse<String> missing = web.send(web.request("/api/tokens/nope").header("Authorization", admin).DELETE().build());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).contains("nope");
        assertThat(web.post("/api/tokens", admin, "application/json", "{\"name\":\"x\",\"role\":\"root\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void securityHeadersAreOnEveryResponse() throws Exception {
        for (HttpResponse<String> response : List.of(web.get("/health", null), web.get("/api/me", null),
                web.get("/nope", WebFixture.basic("admin", WebFixture.ADMIN_PASSWORD)))) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "script-src 'self'",
                            "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe"));
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void searchReachesTheSearchServiceForViewersAndMalformedBodiesAre400() throws Exception {
        String viewer = WebFixture.basic("viewer", WebFixture.VIEWER_PASSWORD);
        HttpResponse<String> bad = web.post("/api/search", viewer, "application/json", "{not json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("status").asInt()).isEqualTo(400);
        HttpResponse<String> badQuery = web.post("/api/search", viewer, "application/json", "{\"query\":\"a AND (b\"}");
        assertThat(badQuery.statusCode()).isEqualTo(400);
        assertThat(json(badQuery).get("position").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(badQuery.body()).doesNotContain("at io.vigil");
        HttpResponse<String> ok = web.post("/api/search", viewer, "application/json", "{\"query\":\"*\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("total").asLong()).isZero();
    }

    @Test
    void routeWithoutAccessStopsStartupNamingIt() {
        RouteTable broken = new RouteTable(List.of(new Route(HttpMethod.GET, "/api/forgotten", null, ctx -> { })));
        WebContext context = WebContext.local(web.accounts, web.gateway, new io.vigil.search.SearchService(null, java.time.Clock.systemUTC()),
                web.registry, 0);
        assertThatThrownBy(() -> new WebServer(context, broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /api/forgotten");
        RouteTable duplicate = RouteTable.builder().get("/health", Access.PUBLIC, ctx -> { }).build();
        assertThatThrownBy(() -> new WebServer(context, duplicate)).hasMessageContaining("GET /health").hasMessageContaining("twice");
    }

    @Test
    void extraRoutesFromOtherStagesAreServedWithTheirAccess() throws Exception {
        RouteTable extra = RouteTable.builder()
                .get("/api/rules", Access.role(Role.ANALYST), ctx -> ctx.result("rules")).build();
        WebContext context = WebContext.local(web.accounts, web.gateway, new io.vigil.search.SearchService(null, java.time.Clock.systemUTC()),
                web.registry, 0);
        try (WebServer other = new WebServer(context, extra).start()) {
            java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + other.port() + "/api/rules");
            HttpResponse<String> viewer = web.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", WebFixture.basic("viewer", WebFixture.VIEWER_PASSWORD)).build());
            assertThat(viewer.statusCode()).isEqualTo(403);
            HttpResponse<String> admin = web.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", WebFixture.basic("admin", WebFixture.ADMIN_PASSWORD)).build());
            assertThat(admin.statusCode()).isEqualTo(200);
            assertThat(admin.body()).isEqualTo("rules");
        }
    }
}
