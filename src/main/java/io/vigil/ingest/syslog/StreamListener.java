package io.vigil.ingest.syslog;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts TCP or TLS syslog connections and runs each on its own virtual thread ({@link StreamConnection}).
 * A TLS handshake happens on the connection's thread at its first read, so a slow or hostile client never
 * holds up the accept loop.
 */
final class StreamListener {
    private static final Logger LOG = LoggerFactory.getLogger(StreamListener.class);

    private final ServerSocket server;
    private final StreamContext context;
    private final Map<Socket, Thread> connections = new ConcurrentHashMap<>();
    private final Thread acceptor;

    StreamListener(ServerSocket server, StreamContext context) {
        this.server = server;
        this.context = context;
        this.acceptor = Thread.ofPlatform().daemon().name("syslog-" + context.transport().name().toLowerCase() + "-accept")
                .start(this::acceptUntilClosed);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptUntilClosed() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Thread thread = Thread.ofVirtual().name("syslog-" + context.transport().name().toLowerCase() + "-"
                        + socket.getInetAddress().getHostAddress() + ":" + socket.getPort()).unstarted(() -> {
                            try {
                                new StreamConnection(socket, context).run();
                            } finally {
                                connections.remove(socket);
                            }
                        });
                connections.put(socket, thread);
                thread.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("syslog {} accept failed: {}", context.transport(), e.toString());
                    pauseAfterAcceptFailure(); // e.g. out of file descriptors: do not spin
                }
            }
        }
    }

    private static void pauseAfterAcceptFailure() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting and ends every connection's reading; connections then flush and wait for their acks. */
    void stopAccepting() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing syslog {} server socket: {}", context.transport(), e.toString());
        }
        for (Socket socket : connections.keySet()) {
            endReading(socket);
        }
    }

    /** Waits for the connections to finish their last batches; interrupts any still waiting at the deadline. */
    void awaitConnections() throws InterruptedException {
        acceptor.join(TimeUnit.NANOSECONDS.toMillis(context.closing().remainingNanos()) + 1);
        for (Thread thread : connections.values()) {
            long millis = TimeUnit.NANOSECONDS.toMillis(context.closing().remainingNanos());
            if (millis <= 0 || !thread.join(Duration.ofMillis(millis))) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(1));
            }
        }
    }

    private static void endReading(Socket socket) {
        try {
            if (socket instanceof SSLSocket) {
                socket.close(); // shutdownInput is not supported on SSLSocket before close_notify
            } else {
                socket.shutdownInput(); // the blocked read returns end-of-stream
            }
        } catch (IOException e) {
            LOG.debug("ending syslog connection {}: {}", socket, e.toString());
        }
    }
}
