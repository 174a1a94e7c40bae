package io.vigil.ingest.syslog;

import java.util.Optional;

/**
 * The three syslog transports and the {@link io.vigil.event.RawBatch#source()} names they write.
 *
 * <p><b>Truncation convention.</b> A {@code RawBatch} has no per-line flags, so a message cut at
 * {@code max_message_bytes} travels in a batch of its own kind whose source carries the suffix
 * {@value #TRUNCATED_SUFFIX} (e.g. {@code "syslog-tcp;truncated"}). Its line holds the first
 * {@code max_message_bytes} bytes exactly as received, with nothing appended. The parse stage calls
 * {@link #ofBatchSource(String)} and, when {@link Origin#truncated()} is set, decodes the line as usual and
 * adds the tag {@code _truncated}.
 */
public enum SyslogSource {
    UDP("syslog-udp"),
    TCP("syslog-tcp"),
    TLS("syslog-tls");

    public static final String TRUNCATED_SUFFIX = ";truncated";

    private final String source;

    SyslogSource(String source) {
        this.source = source;
    }

    /** The batch source for whole messages ({@code "syslog-tcp"}) or cut ones ({@code "syslog-tcp;truncated"}). */
    public String batchSource(boolean truncated) {
        return truncated ? source + TRUNCATED_SUFFIX : source;
    }

    /** Which transport and truncation a batch source names, or empty if it is not a syslog source. */
    public static Optional<Origin> ofBatchSource(String batchSource) {
        boolean truncated = batchSource.endsWith(TRUNCATED_SUFFIX);
        String base = truncated ? batchSource.substring(0, batchSource.length() - TRUNCATED_SUFFIX.length()) : batchSource;
        for (SyslogSource s : values()) {
            if (s.source.equals(base)) {
                return Optional.of(new Origin(s, truncated));
            }
        }
        return Optional.empty();
    }

    /** What a batch source says about its lines. */
    public record Origin(SyslogSource transport, boolean truncated) {
    }
}
