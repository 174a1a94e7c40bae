package io.vigil.ingest.syslog;

import static io.vigil.ingest.syslog.RecordingGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.RawBatch;
import io.vigil.ingest.IngestGateway;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Prints how many ~200-byte lines per second one TCP connection pushes through the framer and batching
 * into a gateway that acknowledges at once. A figure to watch, not a timed assertion.
 */
class SyslogThroughputTest {
    private static final int WARMUP_LINES = 200_000;
    private static final int LINES = 1_000_000;

    @Test
    void reportsTcpFramingThroughputOnOneConnection() throws Exception {
        AtomicLong lines = new AtomicLong();
        IngestGateway noOp = (RawBatch batch) -> {
            lines.addAndGet(batch.size());
            return CompletableFuture.completedFuture(null);
        };
        SyslogMetrics metrics = new SyslogMetrics();
        byte[] line = ("<134>1 2026-11-29T10:00:00.000Z web-01 nginx 1234 - - 10.1.2.3 - - \"GET /api/v1/items?page=2 HTTP/1.1\" "
                + "200 5123 \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\" rt=0.012 upstream=10.0.0.7:8080 cache=MISS id=42\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (SyslogInputs inputs = SyslogInputs.start(SyslogOptions.defaults().withPorts(null, 0, null), noOp, metrics)) {
            send(inputs.tcpPort(), line, WARMUP_LINES);
            await("warm-up lines", Duration.ofSeconds(60), () -> lines.get() == WARMUP_LINES);
            long start = System.nanoTime();
            send(inputs.tcpPort(), line, LINES);
            await("all lines", Duration.ofSeconds(120), () -> lines.get() == WARMUP_LINES + LINES);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("syslog TCP framing: %,d lines of %d bytes on one connection in %.2f s = %,.0f lines/s (%.0f MB/s)%n",
                    LINES, line.length, seconds, LINES / seconds, LINES * (double) line.length / seconds / 1e6);
        }
        assertThat(metrics.received()).isEqualTo(WARMUP_LINES + LINES);
        assertThat(metrics.dropped()).isZero();
    }

    private static void send(int port, byte[] line, int count) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
             OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16)) {
            for (int i = 0; i < count; i++) {
                out.write(line);
            }
        }
    }
}
