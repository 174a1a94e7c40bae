package io.vigil.ingest.syslog;

import static io.vigil.ingest.syslog.RecordingGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A saturated journal slows TCP senders down instead of losing their lines. */
class SyslogBackpressureTest {
    private static final int LINES = 200_000; // ~40 MB: far more than loopback socket buffers hold
    private final RecordingGateway gateway = new RecordingGateway();
    private final SyslogMetrics metrics = new SyslogMetrics();
    private SyslogInputs inputs;

    @AfterEach
    void stop() {
        if (inputs != null) {
            inputs.close();
        }
    }

    @Test
    void aBlockedJournalBlocksTheSendersWritesAndLosesNothing() throws Exception {
        inputs = SyslogInputs.start(SyslogOptions.defaults().withPorts(null, 0, null), gateway, metrics);
        gateway.hold();
        AtomicLong written = new AtomicLong();
        Thread sender = Thread.ofPlatform().start(() -> send(written));
        long stalledAt = awaitStall(written);
        assertThat(stalledAt).as("lines written before the writes blocked").isLessThan(LINES);
        assertThat(sender.isAlive()).isTrue();
        assertThat(gateway.submissions()).as("one batch submitted, then the connection waits").isEqualTo(1);

        gateway.release();
        sender.join(Duration.ofSeconds(60));
        await("every line", Duration.ofSeconds(60), () -> gateway.lineCount() == LINES);
        assertThat(written.get()).isEqualTo(LINES);
        assertThat(metrics.dropped()).isZero();
        assertDistinctInOrder();
    }

    @Test
    void aRejectingJournalIsRetriedUntilItAcceptsEveryLine() throws Exception {
        inputs = SyslogInputs.start(SyslogOptions.defaults().withPorts(null, 0, null), gateway, metrics);
        gateway.reject(true);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), inputs.tcpPort())) {
            socket.getOutputStream().write(SyslogInputsTest.lines("<13>retried ", 100));
            await("a retry", Duration.ofSeconds(10), () -> metrics.retries() >= 2);
            assertThat(gateway.lineCount()).isZero();
            gateway.reject(false);
            await("all 100 lines", Duration.ofSeconds(10), () -> gateway.lineCount() == 100);
        }
        assertThat(metrics.dropped()).isZero();
    }

    private void send(AtomicLong written) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), inputs.tcpPort())) {
            OutputStream out = socket.getOutputStream();
            String padding = "x".repeat(180);
            for (int i = 0; i < LINES; i++) {
                out.write(("<13>bp " + i + " " + padding + "\n").getBytes(StandardCharsets.US_ASCII));
                written.incrementAndGet();
            }
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    /** Waits until the sender makes no progress for 500 ms; returns how many lines it had written. */
    private static long awaitStall(AtomicLong written) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = written.get();
            if (now == last && now > 0) {
                return now;
            }
            last = now;
            Thread.sleep(500);
        }
        throw new AssertionError("the sender never stalled (wrote " + written.get() + " lines)");
    }

    private void assertDistinctInOrder() {
        Set<String> seen = new HashSet<>();
        int expected = 0;
        for (String line : gateway.lines()) {
            assertThat(seen.add(line)).as("duplicate %s", line).isTrue();
            assertThat(line).startsWith("<13>bp " + expected + " ");
            expected++;
        }
    }
}
