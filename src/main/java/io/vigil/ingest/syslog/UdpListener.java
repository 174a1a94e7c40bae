package io.vigil.ingest.syslog;

import io.vigil.ingest.IngestGateway;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives syslog datagrams: each datagram is one message (trailing LF, CR and NUL removed; longer than
 * {@code max_message_bytes} → cut and counted as truncated), handed to a {@link DatagramBatcher}.
 * One platform thread receives; the socket asks the kernel for a large receive buffer so bursts survive
 * while the batcher is busy.
 */
final class UdpListener {
    private static final Logger LOG = LoggerFactory.getLogger(UdpListener.class);
    /** Requested SO_RCVBUF; Linux caps it at net.core.rmem_max (raise that for heavy UDP senders). */
    static final int RECEIVE_BUFFER_BYTES = 8 * 1024 * 1024;
    /** No UDP payload is longer than this, so a larger message limit never truncates. */
    private static final int MAX_DATAGRAM_BYTES = 65_535;

    private final DatagramChannel channel;
    private final DatagramBatcher batcher;
    private final SyslogMetrics metrics;
    private final int maxMessageBytes;
    private final Thread receiver;

    UdpListener(InetSocketAddress bindAddress, IngestGateway gateway, SyslogOptions options, SyslogMetrics metrics,
                CloseDeadline closing) throws IOException {
        this.channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
            channel.bind(bindAddress);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        this.metrics = metrics;
        this.maxMessageBytes = options.limits().maxMessageBytes();
        this.batcher = new DatagramBatcher(gateway, options, metrics, closing);
        this.receiver = Thread.ofPlatform().daemon().name("syslog-udp-receive").start(this::receiveUntilClosed);
    }

    int port() {
        return ((InetSocketAddress) channel.socket().getLocalSocketAddress()).getPort();
    }

    private void receiveUntilClosed() {
        int keep = Math.min(maxMessageBytes, MAX_DATAGRAM_BYTES);
        // one byte more than we keep tells a datagram that was longer apart from one that fit exactly
        ByteBuffer buffer = ByteBuffer.allocateDirect(keep + 1);
        while (channel.isOpen()) {
            try {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                buffer.flip();
                handle(from, buffer, keep);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("syslog UDP receive failed: {}", e.toString());
            }
        }
    }

    private void handle(SocketAddress from, ByteBuffer buffer, int keep) {
        int received = buffer.remaining();
        metrics.bytes(received);
        boolean truncated = received > keep;
        int length = truncated ? keep : withoutTrailers(buffer, received);
        if (length == 0) {
            return; // an empty datagram carries no message
        }
        byte[] message = new byte[length];
        buffer.get(message);
        metrics.receivedMessage();
        if (truncated) {
            metrics.truncatedMessage();
        }
        String peer = from instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : "";
        batcher.offer(new DatagramBatcher.Datagram(peer, message, truncated, System.currentTimeMillis()));
    }

    private static int withoutTrailers(ByteBuffer buffer, int length) {
        int end = length;
        while (end > 0) {
            byte b = buffer.get(buffer.position() + end - 1);
            if (b != '\n' && b != '\r' && b != 0) {
                break;
            }
            end--;
        }
        return end;
    }

    void stopReceiving() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing syslog UDP socket: {}", e.toString());
        }
    }

    void awaitDrained() throws InterruptedException {
        receiver.join(1000);
        batcher.awaitDrained();
    }
}
