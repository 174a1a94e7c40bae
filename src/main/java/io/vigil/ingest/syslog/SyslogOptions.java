package io.vigil.ingest.syslog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the syslog inputs need to start. Invalid options fail at construction with every problem
 * listed at once, each named by its configuration key.
 *
 * @param host   the address to bind (default 127.0.0.1; "0.0.0.0" to listen on every interface)
 * @param ports  which listeners run, and where
 * @param index  the index (source name) written into every batch, default {@value #DEFAULT_INDEX}
 * @param limits message size, batching and timeouts
 * @param tls    where the TLS listener's certificate comes from
 */
public record SyslogOptions(String host, Ports ports, String index, Limits limits, TlsFiles tls) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_INDEX = "syslog";

    public SyslogOptions {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        index = index == null || index.isBlank() ? DEFAULT_INDEX : index;
        ports = ports == null ? new Ports(null, null, null) : ports;
        limits = limits == null ? Limits.defaults() : limits;
        tls = tls == null ? new TlsFiles(null, null, null) : tls;
        List<String> problems = new ArrayList<>();
        ports.collectProblems(problems);
        limits.collectProblems(problems);
        tls.collectProblems(ports.tls() != null, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid syslog input options: " + String.join("; ", problems));
        }
    }

    /** No listener enabled (the server starts syslog only when a port is configured): loopback, index "syslog", default limits. */
    public static SyslogOptions defaults() {
        return new SyslogOptions(DEFAULT_HOST, null, DEFAULT_INDEX, null, null);
    }

    /** Every wither validates the whole options, so set TLS files before enabling the TLS port. */
    public SyslogOptions withPorts(Integer udp, Integer tcp, Integer tls) {
        return new SyslogOptions(host, new Ports(udp, tcp, tls), index, limits, this.tls);
    }

    public SyslogOptions withLimits(Limits newLimits) {
        return new SyslogOptions(host, ports, index, newLimits, tls);
    }

    public SyslogOptions withTls(TlsFiles newTls) {
        return new SyslogOptions(host, ports, index, limits, newTls);
    }

    /**
     * Listener ports: {@code null} disables a listener, 0 binds any free port (read it back from
     * {@link SyslogInputs}). Ports below 1024 need root; the conventional unprivileged choice is 1514
     * (UDP/TCP) and 6514 (TLS, as in RFC 5425).
     */
    public record Ports(Integer udp, Integer tcp, Integer tls) {
        void collectProblems(List<String> problems) {
            checkPort("udp_port", udp, problems);
            checkPort("tcp_port", tcp, problems);
            checkPort("tls_port", tls, problems);
            if (tcp != null && tls != null && tcp.equals(tls) && tcp != 0) {
                problems.add("tcp_port and tls_port are both " + tcp + ": give TLS its own port (RFC 5425 uses 6514)");
            }
        }

        private static void checkPort(String key, Integer port, List<String> problems) {
            if (port != null && (port < 0 || port > 65535)) {
                problems.add(key + ": " + port + " is not a port; use 0..65535 (0 = any free port)");
            }
        }
    }

    /**
     * @param maxMessageBytes longer messages are cut at this many bytes and counted as truncated
     * @param batchMaxLines   a batch is submitted once it holds this many lines...
     * @param batchLinger     ...or once its first line has waited this long
     * @param idleTimeout     a TCP/TLS connection that sends nothing for this long is closed ({@link Duration#ZERO} = never)
     * @param closeTimeout    how long {@link SyslogInputs#close()} waits for pending batches to become durable
     */
    public record Limits(int maxMessageBytes, int batchMaxLines, Duration batchLinger, Duration idleTimeout,
                         Duration closeTimeout) {
        public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
        /** Below this a message cannot even hold a syslog header; above it one connection could hog the heap. */
        static final int MIN_MESSAGE_BYTES = 64;
        static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

        public static Limits defaults() {
            return new Limits(DEFAULT_MAX_MESSAGE_BYTES, 1000, Duration.ofMillis(20), Duration.ZERO, Duration.ofSeconds(10));
        }

        public Limits withMaxMessageBytes(int bytes) {
            return new Limits(bytes, batchMaxLines, batchLinger, idleTimeout, closeTimeout);
        }

        public Limits withBatch(int maxLines, Duration linger) {
            return new Limits(maxMessageBytes, maxLines, linger, idleTimeout, closeTimeout);
        }

        public Limits withIdleTimeout(Duration timeout) {
            return new Limits(maxMessageBytes, batchMaxLines, batchLinger, timeout, closeTimeout);
        }

        void collectProblems(List<String> problems) {
            if (maxMessageBytes < MIN_MESSAGE_BYTES || maxMessageBytes > MAX_MESSAGE_BYTES) {
                problems.add("max_message_bytes: " + maxMessageBytes + " is out of range; use "
                        + MIN_MESSAGE_BYTES + ".." + MAX_MESSAGE_BYTES + " (default 65536)");
            }
            if (batchMaxLines < 1 || batchMaxLines > 100_000) {
                problems.add("batch_max_lines: " + batchMaxLines + " is out of range; use 1..100000 (default 1000)");
            }
            checkDuration("batch_linger_ms", batchLinger, Duration.ofSeconds(10), problems);
            checkDuration("idle_timeout_ms", idleTimeout, Duration.ofDays(7), problems);
            checkDuration("close_timeout_ms", closeTimeout, Duration.ofHours(1), problems);
        }

        private static void checkDuration(String key, Duration value, Duration max, List<String> problems) {
            if (value == null || value.isNegative() || value.compareTo(max) > 0) {
                problems.add(key + ": " + (value == null ? "missing" : value.toMillis() + " ms")
                        + " is out of range; use 0.." + max.toMillis() + " ms");
            }
        }
    }

    /**
     * Where the TLS listener's certificate comes from: both PEM files, or neither, in which case a
     * self-signed certificate is generated once into {@code <dataDir>/tls/syslog.crt} and {@code .key}
     * and reused on later starts.
     *
     * @param certificatePem the server certificate (chain) in PEM
     * @param privateKeyPem  its unencrypted private key in PEM (PKCS#8, PKCS#1 or SEC1)
     * @param dataDir        Vigil's data directory, needed only when no PEM files are given
     */
    public record TlsFiles(Path certificatePem, Path privateKeyPem, Path dataDir) {
        void collectProblems(boolean tlsEnabled, List<String> problems) {
            if ((certificatePem == null) != (privateKeyPem == null)) {
                problems.add("tls.certificate_pem and tls.private_key_pem: give both files or neither "
                        + "(neither = generate a self-signed certificate in the data directory)");
            }
            if (tlsEnabled && certificatePem == null && dataDir == null) {
                problems.add("tls_port is set but there is no certificate: set tls.certificate_pem and "
                        + "tls.private_key_pem, or a data directory where one can be generated");
            }
        }
    }
}
