package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.server.config.VigilConfig;
import io.vigil.testkit.VigilClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real rsyslog, with its omelasticsearch module, ships a log file to Vigil's {@code _bulk} endpoint as it
 * would to Elasticsearch: every line arrives once, with rsyslog's fields.
 */
class RsyslogElasticsearchTest {
    private static final String PASSWORD = "rsyslog-test-passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void rsyslogOmelasticsearchShipsEveryLineOnce() throws Exception {
        assertThat(Path.of("/usr/lib/x86_64-linux-gnu/rsyslog/omelasticsearch.so"))
                .as("rsyslog-elasticsearch must be installed (./test installs it)").exists();
        JsonNode config = JSON.readTree("{\"http\": {\"port\": 0}, \"store\": {\"refresh_interval_ms\": 100}}");
        try (Vigil vigil = Vigil.open(VigilConfig.parse(config), dir.resolve("data"))) {
            vigil.bootstrapAdmin(PASSWORD);
            vigil.listen(new PrintStream(new ByteArrayOutputStream()));
            Path log = dir.resolve("app.log");
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 300; i++) lines.add("order " + i + " shipped to depot-" + (i % 7) + " by courier \"fast\" <ok>");
            Files.write(log, lines);
            Process rsyslog = startRsyslog(log, vigil.port());
            try {
                VigilClient client = new VigilClient("http://127.0.0.1:" + vigil.port(), "admin", PASSWORD);
                JsonNode result = awaitCount(client, 300);
                assertThat(result.get("total").asLong()).as("rsyslog output:\n" + Files.readString(dir.resolve("rsyslog.out"))).isEqualTo(300);
                JsonNode one = client.search("message:\"order 42 shipped\"", "now-1h", "now+1h", 5);
                assertThat(one.get("total").asLong()).isEqualTo(1);
                JsonNode source = one.get("hits").get(0).get("_source");
                assertThat(source.get("message").asText()).isEqualTo("order 42 shipped to depot-0 by courier \"fast\" <ok>");
                assertThat(source.get("programname").asText()).isEqualTo("vigil-test");
                assertThat(source.path("vigil").path("index").asText()).isEqualTo("rsyslog-test");
            } finally {
                rsyslog.destroy();
                rsyslog.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private Process startRsyslog(Path log, int port) throws Exception {
        Path work = Files.createDirectories(dir.resolve("rsyslog-work"));
        Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(conf, """
                global(workDirectory="%s")
                module(load="imfile" mode="polling" PollingInterval="1")
                module(load="omelasticsearch")
                template(name="vigil-json" type="list" option.jsonf="on") {
                  property(outname="@timestamp" name="timereported" dateFormat="rfc3339" format="jsonf")
                  property(outname="host" name="hostname" format="jsonf")
                  property(outname="programname" name="programname" format="jsonf")
                  property(outname="message" name="msg" format="jsonf")
                }
                input(type="imfile" File="%s" Tag="vigil-test" ruleset="ship")
                ruleset(name="ship") {
                  action(type="omelasticsearch" server="127.0.0.1" serverport="%d" searchIndex="rsyslog-test"
                         template="vigil-json" bulkmode="on" uid="admin" pwd="%s" esVersion.major="8"
                         errorFile="%s")
                }
                """.formatted(work, log, port, PASSWORD, dir.resolve("es-errors.json")));
        return new ProcessBuilder("rsyslogd", "-n", "-f", conf.toString(), "-i", dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslog.out").toFile()).start();
    }

    private static JsonNode awaitCount(VigilClient client, long expected) throws Exception {
        JsonNode last = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            last = client.search("vigil.index:rsyslog-test", "now-1h", "now+1h", 0);
            if (last.get("total").asLong() >= expected) {
                Thread.sleep(2000); // a duplicate would show up now
                return client.search("vigil.index:rsyslog-test", "now-1h", "now+1h", 0);
            }
            Thread.sleep(200);
        }
        return last;
    }
}
