package io.vigil.ingest.syslog;

import static io.vigil.ingest.syslog.RecordingGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.RawBatch;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listener behaviour over loopback: batching, truncation, UDP drops, close, idle connections. */
class SyslogInputsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final RecordingGateway gateway = new RecordingGateway();
    private final SyslogMetrics metrics = new SyslogMetrics();
    private SyslogInputs inputs;

    @AfterEach
    void stop() {
        if (inputs != null) {
            inputs.close();
        }
    }

    private void start(SyslogOptions.Limits limits) throws IOException {
        inputs = SyslogInputs.start(SyslogOptions.defaults().withPorts(0, 0, null).withLimits(limits), gateway, metrics);
    }

    @Test
    void reportsDisabledListenersAsMinusOne() throws IOException {
        inputs = SyslogInputs.start(SyslogOptions.defaults().withPorts(null, 0, null), gateway, metrics);
        assertThat(inputs.tcpPort()).isPositive();
        assertThat(inputs.udpPort()).isEqualTo(-1);
        assertThat(inputs.tlsPort()).isEqualTo(-1);
        assertThat(inputs.tlsFingerprint()).isEmpty();
    }

    @Test
    void batchesLinesOfOneConnectionUpToTheMaximum() throws Exception {
        start(SyslogOptions.Limits.defaults().withBatch(10, Duration.ofSeconds(5)));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), inputs.tcpPort())) {
            socket.getOutputStream().write(lines("<13>batched ", 25));
            await("two full batches", WAIT, () -> gateway.lineCount() >= 20);
            assertThat(gateway.batches()).extracting(RawBatch::size).containsExactly(10, 10);
        }
        await("the last 5 lines when the connection ends", WAIT, () -> gateway.lineCount() == 25);
        assertThat(gateway.batches()).extracting(RawBatch::size).containsExactly(10, 10, 5);
        assertThat(gateway.lines().get(24)).isEqualTo("<13>batched 24");
        assertThat(metrics.received()).isEqualTo(25);
        assertThat(metrics.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void submitsAPartialBatchOnceItHasLingered() throws Exception {
        start(SyslogOptions.Limits.defaults().withBatch(1000, Duration.ofMillis(50)));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), inputs.tcpPort())) {
            socket.getOutputStream().write(lines("<13>lingering ", 3));
            await("the lingering batch while the connection stays open", WAIT, () -> gateway.lineCount() == 3);
            assertThat(socket.isClosed()).isFalse();
        }
    }

    @Test
    void sendsTruncatedTcpMessagesInTheirOwnBatchAfterWhatCameBefore() throws Exception {
        start(SyslogOptions.Limits.defaults().withMaxMessageBytes(100));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), inputs.tcpPort())) {
            String text = "<13>before\n" + "L".repeat(150) + "\n<13>after\n";
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        }
        await("three messages", WAIT, () -> gateway.lineCount() == 3);
        assertThat(gateway.batches()).extracting(RawBatch::source)
                .containsExactly("syslog-tcp", "syslog-tcp;truncated", "syslog-tcp");
        assertThat(gateway.lines()).containsExactly("<13>before", "L".repeat(100), "<13>after");
        assertThat(metrics.truncated()).isEqualTo(1);
    }

    @Test
    void stripsUdpTrailersAndMarksLongDatagramsTruncated() throws Exception {
        start(SyslogOptions.Limits.defaults().withMaxMessageBytes(100).withBatch(1, Duration.ofMillis(5)));
        sendUdp("<13>with trailers\r\n\0");
        sendUdp("U".repeat(101));
        await("two datagrams", WAIT, () -> gateway.lineCount() == 2);
        assertThat(gateway.lines()).containsExactly("<13>with trailers", "U".repeat(100));
        assertThat(gateway.batches()).extracting(RawBatch::source).containsExactly("syslog-udp", "syslog-udp;truncated");
        assertThat(gateway.batches()).extracting(RawBatch::sourceAddress).containsOnly("127.0.0.1");
        assertThat(metrics.truncated()).isEqualTo(1);
    }

    @Test
    void countsUdpDatagramsAsDroppedWhenTheGatewayRejects() throws Exception {
        start(SyslogOptions.Limits.defaults().withBatch(10, Duration.ofMillis(5)));
        gateway.reject(true);
        for (int i = 0; i < 50; i++) {
            sendUdp("<13>rejected " + i);
        }
        await("50 drops", WAIT, () -> metrics.dropped() == 50);
        assertThat(metrics.received()).isEqualTo(50);
        assertThat(gateway.lineCount()).isZero();
        gateway.reject(false);
        sendUdp("<13>accepted again");
        await("the next datagram", WAIT, () -> gateway.lineCount() == 1);
        assertThat(metrics.dropped()).isEqualTo(50);
    }

    @Test
    void countsUdpDatagramsAsDroppedWhenTheBatcherIsFull() throws Exception {
        start(SyslogOptions.Limits.defaults().withBatch(10, Duration.ofMillis(1)));
        gateway.hold(); // a saturated journal: in-flight batches never complete until released
        int sent = 300;
        for (int i = 0; i < sent; i++) {
            sendUdp("<13>flood " + i);
        }
        await("every datagram received", WAIT, () -> metrics.received() == sent);
        await("the queue to fill up", WAIT, () -> metrics.dropped() > 0);
        // kept: batches in flight, the batch the flusher holds while it waits for a slot, and the queue
        long maxKept = (DatagramBatcher.MAX_IN_FLIGHT + 1) * 10 + 8 * 10;
        assertThat(metrics.dropped()).isGreaterThanOrEqualTo(sent - maxKept);
        gateway.release();
        await("every datagram either delivered or counted", WAIT, () -> gateway.lineCount() + metrics.dropped() == sent);
        assertThat(gateway.lineCount()).isPositive();
    }

    @Test
    void closeFlushesPendingLinesOfOpenConnectionsAndUdp() throws Exception {
        start(SyslogOptions.Limits.defaults().withBatch(1000, Duration.ofSeconds(10)));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), inputs.tcpPort())) {
            socket.getOutputStream().write(lines("<13>pending ", 10));
            for (int i = 0; i < 5; i++) {
                sendUdp("<13>pending udp " + i);
            }
            await("15 messages framed", WAIT, () -> metrics.received() == 15);
            assertThat(gateway.lineCount()).isZero();
            inputs.close();
            assertThat(gateway.lineCount()).isEqualTo(15);
            assertThat(metrics.dropped()).isZero();
        }
    }

    @Test
    void closeGivesUpOnAJournalThatNeverAnswersAndCountsTheLines() throws Exception {
        SyslogOptions.Limits limits = new SyslogOptions.Limits(65536, 1000, Duration.ofMillis(5), Duration.ZERO,
                Duration.ofMillis(300));
        start(limits);
        gateway.hold();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), inputs.tcpPort())) {
            socket.getOutputStream().write(lines("<13>never durable ", 7));
            await("the batch submitted", WAIT, () -> gateway.lineCount() == 7);
            long started = System.nanoTime();
            inputs.close();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(metrics.dropped()).isEqualTo(7);
        }
    }

    @Test
    void closesConnectionsThatStayIdle() throws Exception {
        start(SyslogOptions.Limits.defaults().withIdleTimeout(Duration.ofMillis(200)));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), inputs.tcpPort())) {
            await("the connection to open", WAIT, () -> metrics.connectionsActive() == 1);
            socket.setSoTimeout(5000);
            assertThat(socket.getInputStream().read()).as("server closed the idle connection").isEqualTo(-1);
            await("the connection to be counted closed", WAIT, () -> metrics.connectionsActive() == 0);
        }
    }

    @Test
    void writesTheConfiguredIndexAndThePeerAddress() throws Exception {
        inputs = SyslogInputs.start(new SyslogOptions("127.0.0.1", new SyslogOptions.Ports(null, 0, null), "firewall",
                SyslogOptions.Limits.defaults(), null), gateway, metrics);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), inputs.tcpPort())) {
            socket.getOutputStream().write(lines("<13>fw ", 1));
        }
        await("one line", WAIT, () -> gateway.lineCount() == 1);
        RawBatch batch = gateway.batches().get(0);
        assertThat(batch.index()).isEqualTo("firewall");
        assertThat(batch.sourceAddress()).isEqualTo("127.0.0.1");
        assertThat(batch.receivedAt()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(10_000L));
    }

    static byte[] lines(String prefix, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(prefix).append(i).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void sendUdp(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), inputs.udpPort()));
        }
    }

}
