package io.vigil.web.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.access.Accounts;
import io.vigil.ingest.bulk.RecordingGateway;
import io.vigil.meta.MetaDatabase;
import io.vigil.search.SearchService;
import io.vigil.web.WebContext;
import io.vigil.web.WebServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExposureCheckTest {
    static final String ES_ROOT = "{\"name\":\"n1\",\"cluster_name\":\"prod-logs\",\"version\":{\"number\":\"7.10.2\"}}";
    static final String OS_ROOT = "{\"name\":\"n1\",\"cluster_name\":\"os\",\"version\":{\"distribution\":\"opensearch\",\"number\":\"2.19.6\"}}";
    static final List<FakeService> fakes = new ArrayList<>();
    static FakeService openEs, protectedEs, openOpenSearch, protectedOpenSearch, openKibana, protectedKibana,
            openDashboards, openGraylog, protectedGraylog;
    static MetaDatabase db;
    static WebServer vigil;
    @TempDir
    static Path data;

    static FakeService fake() throws Exception {
        FakeService f = new FakeService();
        fakes.add(f);
        return f;
    }

    @BeforeAll
    static void start() throws Exception {
        openEs = fake().header("X-elastic-product", "Elasticsearch").on("/", 200, ES_ROOT)
                .on("/_cat/indices?format=json", 200, "[{\"index\":\"winlogbeat-2026.03.01\",\"docs.count\":\"48211\"},"
                        + "{\"index\":\"customers\",\"docs.count\":\"1200\"}]");
        protectedEs = fake().header("X-elastic-product", "Elasticsearch").protectedBy("Basic realm=\"security\" charset=\"UTF-8\"");
        openOpenSearch = fake().on("/", 200, OS_ROOT).on("/_cat/indices?format=json", 403, "{\"error\":\"forbidden\"}");
        protectedOpenSearch = fake().protectedBy("Basic realm=\"OpenSearch Security\"");
        openKibana = fake().header("kbn-name", "kibana").on("/api/status", 200, "{\"name\":\"kibana\",\"status\":{}}")
                .on("/api/data_views", 200, "{\"data_view\":[{\"id\":\"a\",\"title\":\"winlogbeat-*\"}]}");
        protectedKibana = fake().header("kbn-name", "kibana").protectedBy("Basic realm=\"kibana\"")
                .on("/", 302, "");
        openDashboards = fake().header("osd-name", "dashboards").on("/api/status", 200, "{}")
                .on("/api/saved_objects/_find?type=index-pattern&per_page=20", 200,
                        "{\"saved_objects\":[{\"attributes\":{\"title\":\"syslog-*\"}}]}");
        openGraylog = fake().header("X-Graylog-Node-ID", "abc").on("/api/system/lbstatus", 200, "ALIVE")
                .on("/api/system", 200, "{\"version\":\"5.2\"}").on("/api/streams", 403, "{}");
        protectedGraylog = fake().header("X-Graylog-Node-ID", "abc").protectedBy("Basic realm=\"Graylog Server\"")
                .on("/api/system/lbstatus", 200, "ALIVE");
        db = MetaDatabase.open(data);
        vigil = new WebServer(WebContext.local(new Accounts(db, Clock.systemUTC()), new RecordingGateway(),
                new SearchService(null, Clock.systemUTC()), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), 0)).start();
    }

    @AfterAll
    static void stop() {
        fakes.forEach(FakeService::close);
        vigil.close();
        db.close();
    }

    static Map<String, Finding> check(List<String> targets) {
        List<Finding> findings = new ExposureCheck(Duration.ofSeconds(3))
                .run(Targets.expand(targets, Targets.DEFAULT_PORTS, false));
        return findings.stream().collect(Collectors.toMap(f -> f.url().replaceFirst("^https?://", ""), Function.identity()));
    }

    @Test
    void everyOpenServiceIsFoundAndNoProtectedOneIsReportedOpen() {
        List<String> targets = new ArrayList<>(fakes.stream().map(FakeService::hostPort).toList());
        targets.add("127.0.0.1:" + vigil.port());
        Map<String, Finding> byHost = check(targets);
        assertThat(byHost).hasSize(10);

        Finding es = byHost.get(openEs.hostPort());
        assertThat(es.product()).isEqualTo("Elasticsearch");
        assertThat(es.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(String.join("\n", es.evidence())).contains("winlogbeat-2026.03.01 (48211 docs)").contains("prod-logs");
        assertThat(byHost.get(openOpenSearch.hostPort())).satisfies(f -> {
            assertThat(f.product()).isEqualTo("OpenSearch");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
        });
        assertThat(byHost.get(openKibana.hostPort())).satisfies(f -> {
            assertThat(f.product()).isEqualTo("Kibana");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(String.join("\n", f.evidence())).contains("winlogbeat-*");
        });
        assertThat(byHost.get(openDashboards.hostPort())).satisfies(f -> {
            assertThat(f.product()).isEqualTo("OpenSearch Dashboards");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(byHost.get(openGraylog.hostPort()).severity()).isEqualTo(Severity.HIGH);

        for (FakeService closed : List.of(protectedEs, protectedOpenSearch, protectedKibana, protectedGraylog)) {
            assertThat(byHost.get(closed.hostPort()).severity()).as(closed.hostPort()).isEqualTo(Severity.INFO);
        }
        assertThat(byHost.get(protectedEs.hostPort()).product()).isEqualTo("Elasticsearch");
        assertThat(byHost.get(protectedOpenSearch.hostPort()).product()).isEqualTo("OpenSearch");
        assertThat(byHost.get(protectedKibana.hostPort()).product()).isEqualTo("Kibana");
        assertThat(byHost.get(protectedGraylog.hostPort()).product()).isEqualTo("Graylog");
        Finding self = byHost.get("127.0.0.1:" + vigil.port());
        assertThat(self.product()).isEqualTo("Vigil");
        assertThat(self.severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void closedPortsAndUnrelatedServersProduceNoFinding() throws Exception {
        try (FakeService unrelated = new FakeService().on("/", 200, "<html>hello</html>")) {
            assertThat(check(List.of(unrelated.hostPort(), "127.0.0.1:1"))).isEmpty();
        }
    }

    @Test
    void reportsRenderEveryFindingAndEscapeHtml() {
        List<Finding> findings = List.of(new Finding("http://127.0.0.1:9200", "Elasticsearch", Severity.CRITICAL,
                "readable", List.of("index <script>x</script>")));
        assertThat(ExposureReport.table(findings)).contains("critical").contains("http://127.0.0.1:9200");
        assertThat(ExposureReport.json(findings).at("/findings/0/severity").asText()).isEqualTo("critical");
        assertThat(ExposureReport.html(findings)).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void networkRangesAreCappedAndNeedAuthorizationUnlessLoopback() {
        assertThatThrownBy(() -> Targets.expand(List.of("10.0.0.0/16"), List.of(9200), true))
                .hasMessageContaining("65536 addresses").hasMessageContaining("/24");
        assertThatThrownBy(() -> Targets.expand(List.of("192.168.1.0/24"), List.of(9200), false))
                .hasMessageContaining("--i-am-authorized");
        assertThat(Targets.expand(List.of("192.168.1.0/30"), List.of(9200, 5601), true)).hasSize(8);
        assertThat(Targets.expand(List.of("127.0.0.0/28"), List.of(9200), false)).hasSize(16);
        assertThatThrownBy(() -> Targets.expand(List.of("db:99999"), List.of(), false)).hasMessageContaining("1-65535");
    }
}
