package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.server.config.VigilConfig;
import io.vigil.testkit.VigilClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** util-linux {@code logger} sends to Vigil's syslog listeners; events are parsed to ECS and searchable. */
class SyslogEndToEndTest {
    private static final String PASSWORD = "syslog-e2e-passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void loggerLinesOverTcpAndUdpArriveOnceParsedToEcs() throws Exception {
        JsonNode config = JSON.readTree("""
                {"http": {"port": 0}, "store": {"refresh_interval_ms": 100},
                 "syslog": {"udp_port": 0, "tcp_port": 0}}""");
        try (Vigil vigil = Vigil.open(VigilConfig.parse(config), dir.resolve("data"))) {
            vigil.bootstrapAdmin(PASSWORD);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(printed, true);
            vigil.listen(out).listenSyslog(out);
            int tcp = port(printed.toString(), "TCP"), udp = port(printed.toString(), "UDP");
            logger("-T", "-P", "" + tcp, "-t", "sshd", "--rfc3164", "Failed password for invalid user alice from 203.0.113.7 port 50022 ssh2");
            logger("-T", "--octet-count", "-P", "" + tcp, "-t", "sshd", "--rfc5424", "Accepted publickey for bob from 10.1.2.3 port 41000 ssh2");
            logger("-d", "-P", "" + udp, "-t", "sudo", "--rfc3164", "  carol : TTY=pts/0 ; PWD=/home/carol ; USER=root ; COMMAND=/usr/bin/id");
            VigilClient client = new VigilClient("http://127.0.0.1:" + vigil.port(), "admin", PASSWORD);
            JsonNode all = await(client, "vigil.index:syslog", 3);
            assertThat(all.get("total").asLong()).isEqualTo(3);
            JsonNode failed = client.search("user.name:alice AND event.outcome:failure", "now-1h", "now+1h", 5);
            assertThat(failed.get("total").asLong()).isEqualTo(1);
            JsonNode source = failed.get("hits").get(0).get("_source");
            assertThat(source.at("/source/ip").asText()).isEqualTo("203.0.113.7");
            assertThat(source.at("/process/name").asText()).isEqualTo("sshd");
            assertThat(source.at("/log/source/address").asText()).isEqualTo("127.0.0.1");
            JsonNode bob = client.search("bob", "now-1h", "now+1h", 5);
            assertThat(client.search("user.name:bob AND event.outcome:success", "now-1h", "now+1h", 0).get("total").asLong()).as(bob.toString()).isEqualTo(1);
            assertThat(client.search("process.name:sudo", "now-1h", "now+1h", 0).get("total").asLong()).isEqualTo(1);
        }
    }

    private static int port(String printed, String kind) {
        Matcher m = Pattern.compile("Syslog " + kind + " listening on 127\\.0\\.0\\.1:(\\d+)").matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void logger(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("logger", "-n", "127.0.0.1"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }

    private static JsonNode await(VigilClient client, String query, long expected) throws Exception {
        JsonNode last = null;
        for (int i = 0; i < 150; i++) {
            last = client.search(query, "now-1h", "now+1h", 0);
            if (last.get("total").asLong() >= expected) {
                Thread.sleep(500);
                return client.search(query, "now-1h", "now+1h", 0);
            }
            Thread.sleep(100);
        }
        return last;
    }
}
