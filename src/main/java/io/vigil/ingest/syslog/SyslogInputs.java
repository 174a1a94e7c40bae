package io.vigil.ingest.syslog;

import io.vigil.ingest.IngestGateway;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import javax.net.ssl.SSLServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running syslog listeners (UDP, TCP, TLS, each optional), started together and closed together.
 *
 * <pre>{@code
 * SyslogInputs syslog = SyslogInputs.start(options, gateway, metrics);   // binds, or throws IOException
 * syslog.tcpPort();   // the bound port (-1 if disabled)
 * syslog.close();     // stop accepting, flush pending batches, wait for acks (up to close_timeout)
 * }</pre>
 * Thread-safe; {@link #close()} is idempotent.
 */
public final class SyslogInputs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogInputs.class);
    /** Pending connections the kernel queues while the accept loop is busy. */
    private static final int ACCEPT_BACKLOG = 512;

    private final SyslogOptions options;
    private final CloseDeadline closing = new CloseDeadline();
    private UdpListener udp;
    private StreamListener tcp;
    private StreamListener tls;
    private TlsIdentity tlsIdentity;
    private boolean closed;

    private SyslogInputs(SyslogOptions options) {
        this.options = options;
    }

    /** Binds every enabled listener; if one cannot bind, the others are closed again and the error names the port. */
    public static SyslogInputs start(SyslogOptions options, IngestGateway gateway, SyslogMetrics metrics) throws IOException {
        SyslogInputs inputs = new SyslogInputs(options);
        try {
            inputs.bind(gateway, metrics);
        } catch (IOException | RuntimeException e) {
            inputs.close();
            throw e;
        }
        return inputs;
    }

    private void bind(IngestGateway gateway, SyslogMetrics metrics) throws IOException {
        InetAddress host = InetAddress.getByName(options.host());
        SyslogOptions.Ports ports = options.ports();
        DurableSubmitter submitter = new DurableSubmitter(gateway, metrics, closing::passed);
        if (ports.udp() != null) {
            udp = bound("udp_port", ports.udp(), () -> new UdpListener(
                    new InetSocketAddress(host, ports.udp()), gateway, options, metrics, closing));
        }
        if (ports.tcp() != null) {
            ServerSocket server = bound("tcp_port", ports.tcp(), () -> new ServerSocket(ports.tcp(), ACCEPT_BACKLOG, host));
            tcp = new StreamListener(server, new StreamContext(SyslogSource.TCP, options, submitter, metrics, closing));
        }
        if (ports.tls() != null) {
            tlsIdentity = TlsIdentity.load(options.tls());
            SSLServerSocket server = bound("tls_port", ports.tls(), () -> (SSLServerSocket) tlsIdentity.sslContext()
                    .getServerSocketFactory().createServerSocket(ports.tls(), ACCEPT_BACKLOG, host));
            server.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            tls = new StreamListener(server, new StreamContext(SyslogSource.TLS, options, submitter, metrics, closing));
            LOG.info("syslog TLS certificate {} SHA-256 fingerprint {}",
                    tlsIdentity.chain().get(0).getSubjectX500Principal(), tlsIdentity.sha256Fingerprint());
        }
        LOG.info("syslog listening on {}: udp {}, tcp {}, tls {}", options.host(), udpPort(), tcpPort(), tlsPort());
    }

    private interface Binding<T> {
        T bind() throws IOException;
    }

    private <T> T bound(String key, int port, Binding<T> binding) throws IOException {
        try {
            return binding.bind();
        } catch (IOException e) {
            String hint = port > 0 && port < 1024 ? "; ports below 1024 need root, use e.g. 1514 or 6514" : "";
            throw new IOException("syslog " + key + ": cannot listen on " + options.host() + ":" + port + ": "
                    + e.getMessage() + hint, e);
        }
    }

    /** The bound UDP port, or -1 when UDP is disabled. */
    public int udpPort() {
        return udp == null ? -1 : udp.port();
    }

    /** The bound TCP port, or -1 when TCP is disabled. */
    public int tcpPort() {
        return tcp == null ? -1 : tcp.port();
    }

    /** The bound TLS port, or -1 when TLS is disabled. */
    public int tlsPort() {
        return tls == null ? -1 : tls.port();
    }

    /** The TLS certificate's SHA-256 fingerprint ({@code AB:CD:...}), if TLS is enabled. */
    public Optional<String> tlsFingerprint() {
        return Optional.ofNullable(tlsIdentity).map(TlsIdentity::sha256Fingerprint);
    }

    /**
     * Stops accepting and reading, submits what was already framed, and waits until it is durable, at most
     * {@code close_timeout}; lines still unacknowledged then are counted as dropped.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing.start(options.limits().closeTimeout());
        if (udp != null) {
            udp.stopReceiving();
        }
        for (StreamListener listener : new StreamListener[] {tcp, tls}) {
            if (listener != null) {
                listener.stopAccepting();
            }
        }
        try {
            for (StreamListener listener : new StreamListener[] {tcp, tls}) {
                if (listener != null) {
                    listener.awaitConnections();
                }
            }
            if (udp != null) {
                udp.awaitDrained();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
