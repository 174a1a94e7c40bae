package io.vigil.cases.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.vigil.alert.Alert;
import io.vigil.cases.CaseTestSupport;
import io.vigil.cases.Incident;
import io.vigil.cases.IncidentException;
import io.vigil.cases.TimelineEntry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookActionTest {
    static final String SECRET = "0123456789abcdef-secret";
    @TempDir
    Path dir;
    HttpServer server;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> signatures = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile int failStatus = 500;
    CaseTestSupport cases;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/isolate", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            signatures.add(exchange.getRequestHeaders().getFirst("X-Vigil-Signature"));
            int status = failuresLeft.getAndDecrement() > 0 ? failStatus : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        cases = new CaseTestSupport(dir);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        cases.close();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/isolate");
    }

    Containment containment(boolean approval) {
        var hook = new ActionDefinition.Webhook("isolate-host", url(),
                new Template("{\"host\":\"{{host}}\",\"incident\":\"{{incident.id}}\",\"rule\":\"{{alert.rule_title}}\"}"),
                SECRET, 2000, approval);
        var config = new ActionsConfig(new Allowlist(List.of("127.0.0.1"), List.of()), new RetryPolicy(3, 10), null,
                List.of(hook), List.of(new RuleTrigger(List.of("ransom-note"), null, List.of("isolate-host"))));
        return cases.containment(config);
    }

    @Test
    void signsTheBodyWithHmacSha256AndEscapesValues() throws Exception {
        Incident incident = cases.incidentOn("ws-\"01\"", "ransom-note");
        try (Containment c = containment(false)) {
            ActionRecord r = c.request(incident.id(), "isolate-host", null, "ann");
            ActionRecord done = c.completion(r.id()).get(10, TimeUnit.SECONDS);
            assertThat(done.state()).isEqualTo(ActionRecord.State.SUCCEEDED);
        }
        assertThat(bodies).singleElement().satisfies(body -> {
            assertThat(body).contains("\"host\":\"ws-\\\"01\\\"\"");
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("host").asText()).isEqualTo("ws-\"01\"");
            assertThat(signatures.get(0)).isEqualTo("sha256=" + WebhookSender.hmacSha256Hex(SECRET, body));
        });
    }

    @Test
    void retriesOn500ThenSucceedsAndRecordsItOnTheTimeline() throws Exception {
        failuresLeft.set(2);
        Incident incident = cases.incidentOn("ws-01", "other-rule");
        ActionRecord done;
        try (Containment c = containment(false)) {
            done = c.completion(c.request(incident.id(), "isolate-host", "ws-01", "ann").id()).get(10, TimeUnit.SECONDS);
        }
        assertThat(done.state()).isEqualTo(ActionRecord.State.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(bodies).hasSize(3);
        assertThat(cases.timeline(incident.id())).filteredOn(e -> e.kind() == TimelineEntry.Kind.ACTION)
                .extracting(TimelineEntry::text).anyMatch(t -> t.contains("succeeded after 3 attempt(s)"));
        assertThat(cases.audited).anyMatch(line -> line.startsWith("ann incident.action.webhook " + incident.id()));
    }

    @Test
    void doesNotRetryA400() throws Exception {
        failuresLeft.set(5);
        failStatus = 400;
        Incident incident = cases.incidentOn("ws-01", "other-rule");
        try (Containment c = containment(false)) {
            ActionRecord done = c.completion(c.request(incident.id(), "isolate-host", null, "ann").id()).get(10, TimeUnit.SECONDS);
            assertThat(done.state()).isEqualTo(ActionRecord.State.FAILED);
            assertThat(done.attempts()).isEqualTo(1);
            assertThat(done.result()).contains("HTTP 400");
        }
        assertThat(bodies).hasSize(1);
    }

    @Test
    void refusesAWebhookOutsideTheAllowlist() {
        var hook = new ActionDefinition.Webhook("isolate-host", URI.create("https://evil.example/x"), new Template("{}"), SECRET, 1000, false);
        assertThatThrownBy(() -> new ActionsConfig(new Allowlist(List.of("127.0.0.1"), List.of()), null, null, List.of(hook), List.of()))
                .hasMessageContaining("https://evil.example/x is not on actions.allowlist");
        var sender = new WebhookSender(new Allowlist(List.of("edr.example"), List.of()));
        var hookHere = new ActionDefinition.Webhook("isolate-host", url(), new Template("{}"), SECRET, 1000, false);
        assertThatThrownBy(() -> sender.send(hookHere, Map.of())).isInstanceOf(Allowlist.DestinationRefused.class)
                .hasMessageContaining("127.0.0.1");
        assertThat(bodies).isEmpty();
    }

    @Test
    void ruleTriggerQueuesApprovalAndAnotherAnalystFiresIt() throws Exception {
        Incident incident = cases.incidentOn("ws-07", "ransom-note");
        Alert alert = cases.alertsOf(incident.id()).get(0);
        try (Containment c = containment(true)) {
            List<ActionRecord> queued = c.onPlacements(cases.lastPlacements);
            assertThat(queued).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(ActionRecord.State.PENDING_APPROVAL));
            assertThat(c.onPlacements(cases.lastPlacements)).as("a replayed trigger does not queue twice").isEmpty();
            ActionRecord pending = queued.get(0);
            assertThat(bodies).isEmpty();

            ActionRecord mine = c.request(incident.id(), "isolate-host", null, "ann");
            assertThatThrownBy(() -> c.approve(incident.id(), mine.id(), "ann")).isInstanceOf(IncidentException.Conflict.class)
                    .hasMessageContaining("another analyst");
            c.approve(incident.id(), pending.id(), "bob");
            ActionRecord done = c.completion(pending.id()).get(10, TimeUnit.SECONDS);
            assertThat(done.state()).isEqualTo(ActionRecord.State.SUCCEEDED);
            assertThat(done.approvedBy()).isEqualTo("bob");
        }
        assertThat(bodies).singleElement().asString().contains(alert.ruleTitle(), "ws-07");
    }

    @Test
    void backoffDoublesFromTheInitialWait() {
        RetryPolicy p = RetryPolicy.DEFAULTS;
        assertThat(List.of(p.backoffBefore(2).toMillis(), p.backoffBefore(3).toMillis(), p.backoffBefore(4).toMillis()))
                .containsExactly(1000L, 2000L, 4000L);
    }
}
