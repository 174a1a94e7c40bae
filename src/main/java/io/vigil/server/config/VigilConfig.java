package io.vigil.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Vigil's configuration file (YAML). Every section is optional; unknown keys and bad values are rejected at
 * start with the key's path and what is expected. Units are in key names.
 *
 * <pre>
 * http:      { host: 127.0.0.1, port: 9200, max_body_bytes: 104857600 }
 * journal:   { segment_bytes: 67108864, max_bytes: 4294967296 }
 * store:     { ram_buffer_mb: 256, refresh_interval_ms: 500, commit_interval_ms: 5000,
 *              retention: { max_age_days: 0, max_bytes: 0 } }   (0 = keep forever; `vigil assess` flags it)
 * detection: { rule_dirs: [ /opt/sigma/rules ] }
 * syslog:    { host: 127.0.0.1, udp_port: 1514, tcp_port: 1514, tls_port: 6514, index: syslog,
 *              max_message_bytes: 65536, cert_file: ..., key_file: ... }   (a port left out = that listener off)
 * http.tls:  { enabled: (auto), cert_file: /etc/vigil/cert.pem, key_file: ${file:/run/secrets/key-path} }
 * insecure:  { allow_plain_http: false }
 * auth:      { lockout_failures: 5, lockout_address_failures: 20, lockout_minutes: 15,
 *              session_idle_minutes: 30, session_max_hours: 12 }
 * privacy:   { masked_fields: [ user.name, user.email, email.*, ... ] }
 * </pre>
 * Any text value may be {@code ${env:NAME}} or {@code ${file:/path}} instead of a secret in clear
 * ({@link SecretResolver}, applied by {@link #load}).
 */
public record VigilConfig(Http http, Journal journal, Store store, Detection detection, Syslog syslog, Insecure insecure,
                          Auth auth, Privacy privacy, ResponseConfig.Incidents incidents, ResponseConfig.Reports reports,
                          ResponseConfig.Actions actions, Sources sources) {

    public static final VigilConfig DEFAULTS = new VigilConfig(Http.DEFAULTS, Journal.DEFAULTS, Store.DEFAULTS,
            Detection.DEFAULTS, Syslog.DEFAULTS, Insecure.DEFAULTS, Auth.DEFAULTS, Privacy.DEFAULTS,
            ResponseConfig.Incidents.DEFAULTS, ResponseConfig.Reports.DEFAULTS, ResponseConfig.Actions.DEFAULTS,
            Sources.DEFAULTS);

    public VigilConfig {
        if (!http.tlsWanted() && !insecure.allowPlainHttp() && !Http.isLoopbackLiteral(http.host())) {
            throw new IllegalArgumentException("`http.host` " + http.host() + " is not loopback but `http.tls.enabled` is"
                    + " false: enable TLS (a certificate is generated if cert_file/key_file are not set), bind to"
                    + " 127.0.0.1, or set `insecure.allow_plain_http: true` behind a TLS proxy");
        }
    }

    public record Http(String host, int port, long maxBodyBytes, Tls tls) {
        static final Http DEFAULTS = new Http("127.0.0.1", 9200, 100L << 20, Tls.DEFAULTS);

        public Http {
            if (host == null || host.isBlank()) throw new IllegalArgumentException("host must not be empty");
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is not 0..65535 (0 = any free port)");
            if (maxBodyBytes < 1024) throw new IllegalArgumentException("max_body_bytes " + maxBodyBytes + " is below 1024");
            tls = tls == null ? Tls.DEFAULTS : tls;
        }

        public Http(String host, int port, long maxBodyBytes) {
            this(host, port, maxBodyBytes, Tls.DEFAULTS);
        }

        /** TLS is on when enabled explicitly, when a certificate is configured, or (auto) off loopback. */
        public boolean tlsWanted() {
            return tls.enabled() != null ? tls.enabled() : tls.certFile() != null || !isLoopbackLiteral(host);
        }

        /** Loopback by its text alone (no DNS at config time): localhost, 127.x.y.z, ::1. */
        public static boolean isLoopbackLiteral(String host) {
            String h = host.strip().toLowerCase(java.util.Locale.ROOT);
            return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
        }
    }

    /**
     * The server certificate. Without cert_file/key_file a self-signed one is generated at first start under
     * {@code <data>/tls/}. {@code enabled} null = automatic (on whenever the host is not loopback).
     */
    public record Tls(Boolean enabled, String certFile, String keyFile) {
        static final Tls DEFAULTS = new Tls(null, null, null);

        public Tls {
            if ((certFile == null) != (keyFile == null)) {
                throw new IllegalArgumentException("set both cert_file and key_file (PEM), or neither to generate a certificate");
            }
            if (Boolean.FALSE.equals(enabled) && certFile != null) {
                throw new IllegalArgumentException("cert_file is set but enabled is false; remove one of them");
            }
        }
    }

    /** Dangerous switches, each logged as a warning at every start. */
    public record Insecure(boolean allowPlainHttp) {
        static final Insecure DEFAULTS = new Insecure(false);
    }

    /** Login throttling and console session lifetimes. */
    public record Auth(int lockoutFailures, int lockoutAddressFailures, int lockoutMinutes, int sessionIdleMinutes,
                       int sessionMaxHours) {
        static final Auth DEFAULTS = new Auth(5, 20, 15, 30, 12);

        public Auth {
            if (lockoutFailures < 1 || lockoutAddressFailures < 1) {
                throw new IllegalArgumentException("lockout_failures and lockout_address_failures must be at least 1");
            }
            if (lockoutMinutes < 1) throw new IllegalArgumentException("lockout_minutes must be at least 1");
            if (sessionIdleMinutes < 1) throw new IllegalArgumentException("session_idle_minutes must be at least 1");
            if (sessionMaxHours < 1 || sessionMaxHours * 60L < sessionIdleMinutes) {
                throw new IllegalArgumentException("session_max_hours must be at least 1 and not shorter than session_idle_minutes");
            }
        }

        public io.vigil.access.LockoutPolicy lockoutPolicy() {
            java.time.Duration minutes = java.time.Duration.ofMinutes(lockoutMinutes);
            return new io.vigil.access.LockoutPolicy(lockoutFailures, lockoutAddressFailures, minutes, minutes);
        }
    }

    /** Fields pseudonymised for viewers in search answers and exports (dotted names; {@code email.*} prefixes). */
    public record Privacy(List<String> maskedFields) {
        static final Privacy DEFAULTS = new Privacy(io.vigil.web.FieldMasking.DEFAULT_FIELDS);

        public Privacy {
            maskedFields = maskedFields == null ? List.of() : List.copyOf(maskedFields);
            for (String field : maskedFields) {
                if (field == null || field.isBlank() || field.startsWith(".") || field.endsWith(".")) {
                    throw new IllegalArgumentException("masked_fields entry '" + field + "' is not a dotted field name like user.name or email.*");
                }
            }
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
        static final Store DEFAULTS = new Store(256, 500, 15000, Retention.DEFAULTS);

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
        static final Retention DEFAULTS = new Retention(0, 0);

        public Retention {
            if (maxAgeDays < 0) throw new IllegalArgumentException("max_age_days must be >= 0 (0 = keep forever)");
            if (maxBytes < 0) throw new IllegalArgumentException("max_bytes must be >= 0 (0 = no size limit)");
        }
    }

    /**
     * @param ruleDirs     Sigma rule directories (e.g. a SigmaHQ checkout), loaded beside Vigil's own pack
     * @param builtinRules load Vigil's own pack from the JAR (ransomware, brute force, ...)
     */
    public record Detection(List<String> ruleDirs, boolean builtinRules) {
        static final Detection DEFAULTS = new Detection(List.of(), true);

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

    /**
     * Log-source health: a source seen before that sends nothing for longer than its limit raises an alert
     * (silent sources were part of the seed incident). 0 turns the check off for a source.
     */
    public record Sources(long defaultMaxSilenceMinutes, Map<String, Long> maxSilenceMinutes) {
        static final Sources DEFAULTS = new Sources(15, Map.of());

        public Sources {
            if (defaultMaxSilenceMinutes < 0) throw new IllegalArgumentException("default_max_silence_minutes must be >= 0");
            maxSilenceMinutes = maxSilenceMinutes == null ? Map.of() : Map.copyOf(maxSilenceMinutes);
        }
    }

    /** Reads and validates a YAML file; throws {@link ConfigException} listing every problem. */
    public static VigilConfig load(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        return parse(SecretResolver.resolve(root, System::getenv));
    }

    public static VigilConfig parse(JsonNode root) {
        return ConfigBinder.bind(root, VigilConfig.class, DEFAULTS);
    }

    public VigilConfig withHttpPort(int port) {
        return new VigilConfig(new Http(http.host, port, http.maxBodyBytes, http.tls), journal, store, detection, syslog,
                insecure, auth, privacy, incidents, reports, actions, sources);
    }

    public VigilConfig withSyslogPorts(Integer udp, Integer tcp, Integer tls) {
        return new VigilConfig(http, journal, store, detection, syslog.withPorts(udp, tcp, tls), insecure, auth, privacy,
                incidents, reports, actions, sources);
    }
}
