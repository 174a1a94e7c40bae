package io.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.access.Accounts;
import io.vigil.access.Role;
import io.vigil.cases.CaseTestSupport;
import io.vigil.cases.Incident;
import io.vigil.cases.action.ActionsConfig;
import io.vigil.cases.action.Containment;
import io.vigil.cases.report.AttackCatalog;
import io.vigil.cases.report.Evidence;
import io.vigil.cases.report.IncidentReports;
import io.vigil.cases.report.Organisation;
import io.vigil.meta.MetaDatabase;
import io.vigil.search.SearchService;
import io.vigil.store.LuceneEventStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentRoutesTest {
    @TempDir
    Path dir;
    MetaDatabase db;
    LuceneEventStore store;
    CaseTestSupport cases;
    Containment containment;
    WebServer server;
    Incident incident;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        db = MetaDatabase.open(dir.resolve("web"));
        Accounts accounts = new Accounts(db, Clock.systemUTC());
        accounts.createUser("ann", "analyst passphrase", Role.ANALYST);
        accounts.createUser("vic", "viewer passphrase", Role.VIEWER);
        store = LuceneEventStore.open(LuceneEventStore.Options.defaults(dir.resolve("store")));
        cases = new CaseTestSupport(dir.resolve("cases"));
        incident = cases.incidentOn("ws-01", "vss-delete");
        containment = cases.containment(ActionsConfig.NONE);
        RouteTable.Builder routes = RouteTable.builder();
        new IncidentRoutes(cases.incidents(), containment, new IncidentReports(new Organisation("Example", null, null, null),
                AttackCatalog.EMPTY, Evidence.Source.NONE, Clock.systemUTC())).register(routes);
        WebContext context = new WebContext(accounts, new io.vigil.ingest.bulk.RecordingGateway(), new SearchService(store, Clock.systemUTC()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), "127.0.0.1", 0, WebLimits.defaults(), Clock.systemUTC());
        server = new WebServer(context, routes.build()).start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        containment.close();
        cases.close();
        store.close();
        db.close();
    }

    HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", WebFixture.basic(user, user.equals("ann") ? "analyst passphrase" : "viewer passphrase"));
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsAndShowsIncidentsToViewers() throws Exception {
        JsonNode list = new ObjectMapper().readTree(call("GET", "/api/incidents?host=ws-01", "vic", null).body());
        assertThat(list.get("incidents")).hasSize(1);
        JsonNode detail = new ObjectMapper().readTree(call("GET", "/api/incidents/" + incident.id(), "vic", null).body());
        assertThat(detail.get("alerts")).hasSize(1);
        assertThat(detail.get("affected").get("hosts").get(0).asText()).isEqualTo("ws-01");
        assertThat(detail.get("timeline").size()).isGreaterThanOrEqualTo(2);
        assertThat(call("GET", "/api/incidents/nope", "vic", null).statusCode()).isEqualTo(404);
    }

    @Test
    void illegalMoveIs409WithTheAllowedMovesAndViewersCannotChange() throws Exception {
        String path = "/api/incidents/" + incident.id() + "/status";
        HttpResponse<String> refused = call("POST", path, "ann", "{\"status\":\"recovered\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(new ObjectMapper().readTree(refused.body()).get("allowed").toString()).isEqualTo("[\"triaged\",\"false_positive\"]");
        assertThat(call("POST", path, "vic", "{\"status\":\"triaged\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> moved = call("POST", path, "ann", "{\"status\":\"triaged\",\"note\":\"real\"}");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).contains("\"status\":\"triaged\"");
        assertThat(call("POST", "/api/incidents/" + incident.id() + "/comments", "ann", "{\"text\":\"called the user\"}").statusCode())
                .isEqualTo(201);
        assertThat(call("POST", "/api/incidents/" + incident.id() + "/actions", "ann", "{\"action\":\"isolate\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void htmlReportIsAnAttachmentWithAStyleHashPolicy() throws Exception {
        HttpResponse<String> r = call("GET", "/api/incidents/" + incident.id() + "/report?format=html", "vic", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'; style-src 'sha256-");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(call("GET", "/api/incidents/" + incident.id() + "/report?format=pdf", "vic", null).body()).startsWith("%PDF-");
        assertThat(call("GET", "/api/incidents/" + incident.id() + "/report?format=doc", "vic", null).statusCode()).isEqualTo(400);
    }
}
