package io.vigil.ingest.syslog;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the syslog inputs, shared by all listeners. Thread-safe; the server exposes them through
 * Micrometer by reading the getters.
 *
 * <p>{@code received} counts every message framed (UDP datagrams and TCP/TLS frames), including those later
 * dropped; {@code dropped} counts messages that will never reach the journal (UDP when the batcher is full
 * or the gateway rejects; TCP/TLS only when {@link SyslogInputs#close()} times out);
 * {@code truncated} counts messages cut at {@code max_message_bytes}.
 */
public final class SyslogMetrics {
    private final LongAdder received = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder truncated = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder connectionsActive = new LongAdder();
    private final LongAdder connectionErrors = new LongAdder();
    private final LongAdder retries = new LongAdder();

    public long received() {
        return received.sum();
    }

    public long dropped() {
        return dropped.sum();
    }

    public long truncated() {
        return truncated.sum();
    }

    /** Bytes read from the network (TCP/TLS: decrypted stream bytes including framing; UDP: datagram bytes). */
    public long bytes() {
        return bytes.sum();
    }

    /** TCP and TLS connections accepted since start. */
    public long connectionsOpened() {
        return connectionsOpened.sum();
    }

    /** TCP and TLS connections open now. */
    public long connectionsActive() {
        return connectionsActive.sum();
    }

    /** Connections that ended with an error (reset, failed TLS handshake). */
    public long connectionErrors() {
        return connectionErrors.sum();
    }

    /** Batches resubmitted after the gateway rejected them (TCP/TLS backpressure). */
    public long retries() {
        return retries.sum();
    }

    void bytes(long byteCount) {
        bytes.add(byteCount);
    }

    void receivedMessage() {
        received.increment();
    }

    void dropped(long messages) {
        dropped.add(messages);
    }

    void truncatedMessage() {
        truncated.increment();
    }

    void connectionOpened() {
        connectionsOpened.increment();
        connectionsActive.increment();
    }

    void connectionClosed() {
        connectionsActive.decrement();
    }

    void connectionError() {
        connectionErrors.increment();
    }

    void retried() {
        retries.increment();
    }

    @Override
    public String toString() {
        return "SyslogMetrics[received=" + received() + ", dropped=" + dropped() + ", truncated=" + truncated()
                + ", bytes=" + bytes() + ", connections=" + connectionsOpened() + " (" + connectionsActive()
                + " open), errors=" + connectionErrors() + ", retries=" + retries() + "]";
    }
}
