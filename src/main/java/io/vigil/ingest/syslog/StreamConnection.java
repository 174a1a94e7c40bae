package io.vigil.ingest.syslog;

import io.vigil.event.RawBatch;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP or TLS syslog connection, run on its own virtual thread: read, frame, batch, and submit each
 * batch, waiting until it is durable before reading on (backpressure). A batch is submitted when it holds
 * {@code batch_max_lines}, when its first line has waited {@code batch_linger}, before a truncated message
 * (which travels alone, see {@link SyslogSource}) and when the connection ends.
 *
 * <p>Lingering uses the socket read timeout: while lines are pending the read waits at most the linger
 * left; otherwise it waits {@code idle_timeout} (0 = forever) and an idle connection is closed.
 */
final class StreamConnection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);
    private static final int READ_CHUNK = 64 * 1024;

    private final Socket socket;
    private final StreamContext context;
    private final SyslogOptions.Limits limits;
    private final String peer;
    private final SyslogFramer framer;
    private List<byte[]> pending = new ArrayList<>();
    private long firstPendingNanos;
    private long firstPendingMillis;

    StreamConnection(Socket socket, StreamContext context) {
        this.socket = socket;
        this.context = context;
        this.limits = context.options().limits();
        this.peer = socket.getInetAddress().getHostAddress();
        this.framer = new SyslogFramer(limits.maxMessageBytes());
    }

    @Override
    public void run() {
        context.metrics().connectionOpened();
        try (socket) {
            readUntilClosed(socket.getInputStream());
        } catch (IOException | RuntimeException e) {
            if (!context.closing().closing()) {
                context.metrics().connectionError();
                LOG.debug("syslog {} connection from {} failed: {}", context.transport(), peer, e.toString());
            }
        } finally {
            framer.endOfStream(this::accept);
            flush();
            context.metrics().connectionClosed();
        }
    }

    private void readUntilClosed(InputStream in) throws IOException {
        byte[] chunk = new byte[READ_CHUNK];
        while (!context.closing().closing()) {
            socket.setSoTimeout(readTimeoutMillis());
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                if (pending.isEmpty()) {
                    LOG.debug("closing idle syslog {} connection from {}", context.transport(), peer);
                    return;
                }
                flush();
                continue;
            }
            if (n < 0) {
                return;
            }
            context.metrics().bytes(n);
            framer.feed(chunk, 0, n, this::accept);
            if (!pending.isEmpty() && lingerLeftNanos() <= 0) {
                flush();
            }
        }
    }

    private int readTimeoutMillis() {
        if (pending.isEmpty()) {
            return (int) Math.min(Integer.MAX_VALUE, limits.idleTimeout().toMillis());
        }
        // 0 would mean "wait forever", so never less than 1 ms
        return (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(lingerLeftNanos()));
    }

    private long lingerLeftNanos() {
        return limits.batchLinger().toNanos() - (System.nanoTime() - firstPendingNanos);
    }

    private void accept(byte[] message, boolean truncated) {
        context.metrics().receivedMessage();
        if (truncated) {
            context.metrics().truncatedMessage();
            flush(); // keep order: what came before goes first
            submit(context.transport().batchSource(true), System.currentTimeMillis(), List.of(message));
            return;
        }
        if (pending.isEmpty()) {
            firstPendingNanos = System.nanoTime();
            firstPendingMillis = System.currentTimeMillis();
        }
        pending.add(message);
        if (pending.size() >= limits.batchMaxLines()) {
            flush();
        }
    }

    private void flush() {
        if (!pending.isEmpty()) {
            List<byte[]> lines = pending;
            pending = new ArrayList<>();
            submit(context.transport().batchSource(false), firstPendingMillis, lines);
        }
    }

    private void submit(String source, long receivedAt, List<byte[]> lines) {
        context.submitter().submitUntilDurable(
                new RawBatch(source, context.options().index(), peer, receivedAt, lines));
    }
}
