package io.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.access.Accounts;
import io.vigil.ingest.bulk.RecordingGateway;
import io.vigil.meta.MetaDatabase;
import io.vigil.search.SearchService;
import io.vigil.web.WebContext;
import io.vigil.web.WebServer;
import io.vigil.web.exposure.ListenersFile;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExposureCheckCommandTest {
    @TempDir
    Path data;

    @Test
    void selfCheckReadsTheListenersFileAndFindsVigilProtected() throws Exception {
        try (MetaDatabase db = MetaDatabase.open(data);
             WebServer vigil = new WebServer(WebContext.local(new Accounts(db, Clock.systemUTC()), new RecordingGateway(),
                     new SearchService(null, Clock.systemUTC()), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), 0)).start()) {
            ListenersFile.write(data, List.of(new ListenersFile.Listener("http", "http", "0.0.0.0", vigil.port()),
                    new ListenersFile.Listener("syslog", "udp", "0.0.0.0", 5514)));
            CliRun run = CliRun.of("", "exposure-check", "--self", "--data", data.toString(), "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode findings = new ObjectMapper().readTree(run.out()).get("findings");
            assertThat(findings).hasSize(1);
            assertThat(findings.get(0).get("product").asText()).isEqualTo("Vigil");
            assertThat(findings.get(0).get("severity").asText()).isEqualTo("info");
            assertThat(findings.get(0).get("url").asText()).isEqualTo("http://127.0.0.1:" + vigil.port());
        }
    }

    @Test
    void openElasticsearchExitsTwoAndRendersHtml() throws Exception {
        HttpServer es = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        es.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = (path.equals("/") ? "{\"cluster_name\":\"c\",\"version\":{\"number\":\"8.1.0\"}}"
                    : path.equals("/_cat/indices") ? "[{\"index\":\"logs\",\"docs.count\":\"7\"}]" : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(path.equals("/") || path.equals("/_cat/indices") ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        es.start();
        try {
            CliRun run = CliRun.of("", "exposure-check", "127.0.0.1:" + es.getAddress().getPort(), "--format", "html");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.out()).startsWith("<!doctype html>").contains("critical").contains("logs (7 docs)");
        } finally {
            es.stop(0);
        }
        CliRun refused = CliRun.of("", "exposure-check", "10.1.0.0/16");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("/24");
        assertThat(CliRun.of("", "exposure-check").err()).contains("nothing to check");
    }
}
