package io.vigil.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Vigil's configuration file (YAML). Every section is optional; unknown keys and bad values are rejected at
 * start with the key's path and what is expected. Units are in key names.
 *
 * <pre>
 * http:      { host: 127.0.0.1, port: 9200, max_body_bytes: 104857600 }
 * journal:   { segment_bytes: 67108864, max_bytes: 4294967296 }
 * store:     { ram_buffer_mb: 256, refresh_interval_ms: 500, commit_interval_ms: 5000,
 *              retention: { max_age_days: 400, max_bytes: 0 } }
 * detection: { rule_dirs: [ /opt/sigma/rules ] }
 * syslog:    { host: 127.0.0.1, udp_port: 1514, tcp_port: 1514, tls_port: 6514, index: syslog,
 *              max_message_bytes: 65536, cert_file: ..., key_file: ... }   (a port left out = that listener off)
 * </pre>
 */
public record VigilConfig(Http http, Journal journal, Store store, Detection detection, Syslog syslog) {

    public static final VigilConfig DEFAULTS = new VigilConfig(Http.DEFAULTS, Journal.DEFAULTS, Store.DEFAULTS,
            Detection.DEFAULTS, Syslog.DEFAULTS);

    public record Http(String host, int port, long maxBodyBytes) {
        static final Http DEFAULTS = new Http("127.0.0.1", 9200, 100L << 20);

        public Http {
            if (host == null || host.isBlank()) throw new IllegalArgumentException("host must not be empty");
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is not 0..65535 (0 = any free port)");
            if (maxBodyBytes < 1024) throw new IllegalArgumentException("max_body_bytes " + maxBodyBytes + " is below 1024");
        }
    }

    public record Journal(long segmentBytes, long maxBytes) {
        static final Journal DEFAULTS = new Journal(64L << 20, 4L << 30);

        public Journal {
            if (segmentBytes < 1 << 20) throw new IllegalArgumentException("segment_bytes must be at least 1048576 (1 MiB)");
            if (maxBytes < 2 * segmentBytes) throw new IllegalArgumentException("max_bytes must be at least twice segment_bytes");
        }
    }

    public record Store(double ramBufferMb, long refreshIntervalMs, long commitIntervalMs, Retention retention) {
        static final Store DEFAULTS = new Store(256, 500, 5000, Retention.DEFAULTS);

        public Store {
            if (ramBufferMb < 16 || ramBufferMb > 2048) throw new IllegalArgumentException("ram_buffer_mb must be 16..2048");
            if (refreshIntervalMs < 10 || refreshIntervalMs > 1000) {
                throw new IllegalArgumentException("refresh_interval_ms must be 10..1000 (events must be searchable within 1 s)");
            }
            if (commitIntervalMs < 100) throw new IllegalArgumentException("commit_interval_ms must be at least 100");
        }
    }

    /** Whole days are dropped beyond either limit; 0 disables a limit. */
    public record Retention(long maxAgeDays, long maxBytes) {
        static final Retention DEFAULTS = new Retention(400, 0);

        public Retention {
            if (maxAgeDays < 0) throw new IllegalArgumentException("max_age_days must be >= 0 (0 = keep forever)");
            if (maxBytes < 0) throw new IllegalArgumentException("max_bytes must be >= 0 (0 = no size limit)");
        }
    }

    public record Detection(List<String> ruleDirs) {
        static final Detection DEFAULTS = new Detection(List.of());

        public Detection {
            ruleDirs = ruleDirs == null ? List.of() : List.copyOf(ruleDirs);
        }
    }

    /**
     * Syslog listeners; a port that is not set leaves that listener off, 0 picks a free port. TLS uses
     * {@code cert_file}/{@code key_file} (PEM) or, when neither is set, a certificate generated on first start.
     */
    public record Syslog(String host, Integer udpPort, Integer tcpPort, Integer tlsPort, String index,
                         int maxMessageBytes, String certFile, String keyFile) {
        static final Syslog DEFAULTS = new Syslog("127.0.0.1", null, null, null, "syslog", 64 * 1024, null, null);

        public Syslog {
            for (Integer p : new Integer[] {udpPort, tcpPort, tlsPort}) {
                if (p != null && (p < 0 || p > 65535)) throw new IllegalArgumentException("port " + p + " is not 0..65535");
            }
            if (maxMessageBytes < 64 || maxMessageBytes > 16 << 20) {
                throw new IllegalArgumentException("max_message_bytes must be 64..16777216");
            }
            if ((certFile == null) != (keyFile == null)) {
                throw new IllegalArgumentException("give both cert_file and key_file, or neither (a certificate is then generated)");
            }
        }

        public Syslog withPorts(Integer udp, Integer tcp, Integer tls) {
            return new Syslog(host, udp != null ? udp : udpPort, tcp != null ? tcp : tcpPort, tls != null ? tls : tlsPort,
                    index, maxMessageBytes, certFile, keyFile);
        }

        public boolean enabled() {
            return udpPort != null || tcpPort != null || tlsPort != null;
        }
    }

    /** Reads and validates a YAML file; throws {@link ConfigException} listing every problem. */
    public static VigilConfig load(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        return parse(root);
    }

    public static VigilConfig parse(JsonNode root) {
        return ConfigBinder.bind(root, VigilConfig.class, DEFAULTS);
    }

    public VigilConfig withHttpPort(int port) {
        return new VigilConfig(new Http(http.host, port, http.maxBodyBytes), journal, store, detection, syslog);
    }

    public VigilConfig withSyslogPorts(Integer udp, Integer tcp, Integer tls) {
        return new VigilConfig(http, journal, store, detection, syslog.withPorts(udp, tcp, tls));
    }
}
