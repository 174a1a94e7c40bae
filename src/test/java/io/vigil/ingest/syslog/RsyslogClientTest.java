package io.vigil.ingest.syslog;

import static io.vigil.ingest.syslog.RecordingGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.RawBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real rsyslogd (foreground, own config and work directory) tails a file with imfile and forwards it to
 * the TCP listener (RFC 6587 octet counting) and to the TLS listener (gtls driver, verifying the generated
 * certificate as its CA): every line of the file must arrive exactly once on each.
 */
class RsyslogClientTest {
    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    private static final Path GTLS_DRIVER = Path.of("/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so");
    private static final int LINES_BEFORE_START = 300;
    private static final int LINES_AFTER_START = 200;

    @TempDir
    Path dir;
    private final RecordingGateway gateway = new RecordingGateway();
    private final SyslogMetrics metrics = new SyslogMetrics();
    private SyslogInputs inputs;
    private Process rsyslogd;

    @AfterEach
    void stop() throws InterruptedException {
        if (rsyslogd != null) {
            rsyslogd.destroy();
            if (!rsyslogd.waitFor(10, TimeUnit.SECONDS)) {
                rsyslogd.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        if (inputs != null) {
            inputs.close();
        }
    }

    @Test
    void everyLineOfATailedFileArrivesExactlyOnceOverTcpAndTls() throws Exception {
        assertThat(Files.isExecutable(RSYSLOGD)).as("rsyslogd is not installed (apt-get install -y rsyslog rsyslog-gnutls)" + " (./test installs it)").isTrue();
        assertThat(Files.exists(GTLS_DRIVER)).as("rsyslog's gtls driver is not installed (apt-get install -y rsyslog-gnutls)" + " (./test installs it)").isTrue();
        inputs = SyslogInputs.start(SyslogOptions.defaults()
                .withTls(new SyslogOptions.TlsFiles(null, null, dir.resolve("data"))).withPorts(null, 0, 0), gateway, metrics);
        String marker = "r" + UUID.randomUUID().toString().replace("-", "");
        Path log = dir.resolve("app.log");
        appendLines(log, marker, 0, LINES_BEFORE_START);
        Path conf = writeConfig(log, dir.resolve("data/tls/syslog.crt"));
        validate(conf);
        rsyslogd = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", conf.toString(), "-i", dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        appendLines(log, marker, LINES_BEFORE_START, LINES_BEFORE_START + LINES_AFTER_START);

        int total = LINES_BEFORE_START + LINES_AFTER_START;
        awaitLines("syslog-tcp", total);
        awaitLines("syslog-tls", total);
        Thread.sleep(300); // duplicates, if any, would arrive now
        assertExactlyOnceInOrder("syslog-tcp", marker, total);
        assertExactlyOnceInOrder("syslog-tls", marker, total);
        assertThat(metrics.truncated()).isZero();
    }

    private Path writeConfig(Path log, Path caFile) throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        String conf = """
                global(workDirectory="%s" defaultNetstreamDriverCAFile="%s")
                module(load="imfile" mode="inotify")
                input(type="imfile" file="%s" tag="webapp" severity="warning" facility="local3")
                action(type="omfwd" target="127.0.0.1" port="%d" protocol="tcp" tcp_framing="octet-counted"
                       template="RSYSLOG_SyslogProtocol23Format")
                action(type="omfwd" target="127.0.0.1" port="%d" protocol="tcp" streamDriver="gtls"
                       streamDriverMode="1" streamDriverAuthMode="x509/certvalid"
                       template="RSYSLOG_SyslogProtocol23Format")
                """.formatted(work, caFile, log, inputs.tcpPort(), inputs.tlsPort());
        return Files.writeString(dir.resolve("rsyslog.conf"), conf);
    }

    private void validate(Path conf) throws IOException, InterruptedException {
        Process check = new ProcessBuilder(RSYSLOGD.toString(), "-N1", "-f", conf.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as("rsyslogd -N1 says: " + output).isZero();
    }

    private void awaitLines(String source, int count) throws Exception {
        try {
            await(count + " lines from " + source, Duration.ofSeconds(30), () -> linesFrom(source).size() >= count);
        } catch (AssertionError e) {
            String out = Files.exists(dir.resolve("rsyslogd.out")) ? Files.readString(dir.resolve("rsyslogd.out")) : "";
            throw new AssertionError(e.getMessage() + " (got " + linesFrom(source).size() + "; " + metrics
                    + "; rsyslogd output: " + out + ")", e);
        }
    }

    private void assertExactlyOnceInOrder(String source, String marker, int total) {
        List<String> lines = linesFrom(source);
        assertThat(lines).hasSize(total);
        Pattern shape = Pattern.compile("^<156>1 \\S+ \\S+ webapp - - - line (\\d+) " + marker + "$");
        for (int i = 0; i < total; i++) {
            Matcher m = shape.matcher(lines.get(i));
            assertThat(m.matches()).as("line %d from %s: %s", i, source, lines.get(i)).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(i);
        }
        assertThat(gateway.batches().stream().filter(b -> b.source().equals(source)))
                .extracting(RawBatch::sourceAddress).containsOnly("127.0.0.1");
    }

    private List<String> linesFrom(String source) {
        return gateway.batches().stream().filter(b -> b.source().equals(source))
                .flatMap(b -> b.lines().stream()).map(l -> new String(l, StandardCharsets.UTF_8)).toList();
    }

    private static void appendLines(Path log, String marker, int from, int to) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < to; i++) {
            lines.add("line " + i + " " + marker);
        }
        Files.write(log, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
