package io.vigil.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.RawBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** util-linux {@code logger} sending RFC 3164 and 5424 over UDP and TCP (both framings) to the listeners. */
class LoggerClientTest {
    private final RecordingGateway gateway = new RecordingGateway();
    private final SyslogMetrics metrics = new SyslogMetrics();
    private SyslogInputs inputs;

    @BeforeEach
    void start() throws IOException {
        assertThat(Files.isExecutable(Path.of("/usr/bin/logger"))).as("util-linux logger is not installed (apt-get install -y bsdutils)" + " (./test installs it)").isTrue();
        inputs = SyslogInputs.start(SyslogOptions.defaults().withPorts(0, 0, null), gateway, metrics);
    }

    @AfterEach
    void stop() {
        if (inputs != null) {
            inputs.close();
        }
    }

    @Test
    void deliversRfc3164OverUdpOnceWithThePeerAddress() throws Exception {
        String marker = marker();
        logger("--rfc3164", "-d", "-P", inputs.udpPort(), "-t", "cron", "-p", "cron.info", "legacy " + marker);
        RawBatch batch = awaitOnlyBatchWith(marker);
        assertThat(batch.source()).isEqualTo("syslog-udp");
        assertThat(batch.index()).isEqualTo("syslog");
        assertThat(batch.sourceAddress()).isEqualTo("127.0.0.1");
        assertThat(text(batch, marker)).matches("<78>[A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d:\\d\\d \\S+ cron(\\[\\d+\\])?: legacy " + marker);
    }

    @Test
    void deliversRfc5424OverUdp() throws Exception {
        String marker = marker();
        logger("--rfc5424", "-d", "-P", inputs.udpPort(), "-t", "nginx", "-p", "local0.info", "GET /login " + marker);
        RawBatch batch = awaitOnlyBatchWith(marker);
        assertThat(batch.source()).isEqualTo("syslog-udp");
        assertThat(text(batch, marker)).startsWith("<134>1 ").endsWith("GET /login " + marker).contains(" nginx ");
    }

    @Test
    void deliversRfc5424OverTcpWithLineFraming() throws Exception {
        String marker = marker();
        logger("--rfc5424", "-T", "-P", inputs.tcpPort(), "-t", "sshd", "-p", "auth.warning", "Failed password " + marker);
        RawBatch batch = awaitOnlyBatchWith(marker);
        assertThat(batch.source()).isEqualTo("syslog-tcp");
        assertThat(batch.sourceAddress()).isEqualTo("127.0.0.1");
        assertThat(text(batch, marker)).startsWith("<36>1 ").endsWith("Failed password " + marker);
    }

    @Test
    void deliversRfc5424OverTcpWithOctetCounting() throws Exception {
        String marker = marker();
        logger("--rfc5424", "-T", "--octet-count", "-P", inputs.tcpPort(), "-t", "sshd", "--msgid", "AUTHFAIL",
                "--sd-id", "origin@32473", "--sd-param", "ip=\"10.0.0.5\"", "Failed password " + marker);
        RawBatch batch = awaitOnlyBatchWith(marker);
        assertThat(batch.source()).isEqualTo("syslog-tcp");
        assertThat(text(batch, marker)).contains(" sshd ").contains("AUTHFAIL").contains("[origin@32473 ip=\"10.0.0.5\"]")
                .endsWith("Failed password " + marker);
    }

    @Test
    void deliversRfc3164OverTcpWithManyLinesFromStdin() throws Exception {
        String marker = marker();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add("line " + i + " " + marker);
        }
        Path input = Files.createTempFile("syslog-lines", ".txt");
        Files.write(input, lines);
        try {
            logger("--rfc3164", "-T", "-P", inputs.tcpPort(), "-t", "app", "-f", input.toString());
        } finally {
            Files.delete(input);
        }
        RecordingGateway.await("200 lines", Duration.ofSeconds(10),
                () -> gateway.lines().stream().filter(l -> l.contains(marker)).count() >= 200);
        List<String> received = gateway.lines().stream().filter(l -> l.contains(marker)).toList();
        assertThat(received).hasSize(200);
        for (int i = 0; i < 200; i++) {
            assertThat(received.get(i)).endsWith(": line " + i + " " + marker);
        }
    }

    private RawBatch awaitOnlyBatchWith(String marker) throws InterruptedException {
        RecordingGateway.await("a line containing " + marker, Duration.ofSeconds(10),
                () -> gateway.lines().stream().anyMatch(l -> l.contains(marker)));
        Thread.sleep(100); // a duplicate would arrive within this window
        List<RawBatch> withMarker = gateway.batches().stream()
                .filter(b -> b.lines().stream().anyMatch(l -> new String(l).contains(marker))).toList();
        assertThat(withMarker).hasSize(1);
        assertThat(withMarker.get(0).lines().stream().filter(l -> new String(l).contains(marker))).hasSize(1);
        return withMarker.get(0);
    }

    private static String text(RawBatch batch, String marker) {
        return batch.lines().stream().map(String::new).filter(l -> l.contains(marker)).findFirst().orElseThrow();
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }

    private static void logger(Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/logger", "-n", "127.0.0.1"));
        for (Object a : args) {
            command.add(String.valueOf(a));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("logger finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as("logger exit status, output: " + output).isZero();
    }
}
