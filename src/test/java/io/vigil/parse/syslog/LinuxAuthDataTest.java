package io.vigil.parse.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real auth.log: every line decodes as syslog, and the brute force shows up as failed logins. */
@Tag("data")
class LinuxAuthDataTest {
    final DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());

    @Test
    void decodesEveryAuthLogLineAndFindsTheFailedPasswords() throws IOException {
        Path file = Path.of(System.getProperty("vigil.data", "../shared/data"), "linux/auth.log");
        List<byte[]> lines = new ArrayList<>();
        for (String l : Files.readAllLines(file)) if (!l.isBlank()) lines.add(l.getBytes(StandardCharsets.UTF_8));
        List<StoredEvent> events = parser.parse(new RawBatch("file", "auth", "", 0, lines), 1);
        int failures = 0, failedPasswords = 0, withOutcome = 0, withSourceIp = 0;
        for (StoredEvent s : events) {
            Event e = s.event();
            if (e.hasTag("_parse_failure")) failures++;
            if (e.get("event.outcome") != null) withOutcome++;
            if (e.get("source.ip") != null) withSourceIp++;
            if ("failure".equals(e.get("event.outcome")) && "ssh_login".equals(e.get("event.action"))) failedPasswords++;
        }
        System.out.printf("auth.log: %d lines, %d failures, %d with event.outcome, %d with source.ip, %d failed ssh logins%n",
                events.size(), failures, withOutcome, withSourceIp, failedPasswords);
        assertThat(events).hasSameSizeAs(lines);
        assertThat(failures).isZero();
        assertThat(failedPasswords).as("sshd 'Failed <method> for' lines in auth.log").isEqualTo(countFailedLogins(lines));
        assertThat(events).allSatisfy(s -> assertThat(s.event().get("host.name")).isEqualTo("ip-10-77-20-248"));
        printThroughput(lines);
    }

    private void printThroughput(List<byte[]> lines) {
        RawBatch batch = new RawBatch("file", "auth", "", 0, lines);
        for (int i = 0; i < 3; i++) parser.parse(batch, i);
        int rounds = 5;
        long start = System.nanoTime();
        long cpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) parser.parse(batch, i);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("throughput (1 thread, auth.log syslog): %.0f events/s wall, %.0f events per CPU-second%n",
                rounds * lines.size() / seconds, rounds * lines.size() / cpuSeconds);
    }

    private static int countFailedLogins(List<byte[]> lines) {
        int n = 0;
        for (byte[] l : lines) if (new String(l, StandardCharsets.UTF_8).matches(".* sshd\\[\\d+\\]: Failed \\S+ for .*")) n++;
        return n;
    }
}
