package io.vigil.parse;

import java.util.Map;

/**
 * Settings of the parse stage.
 *
 * @param maxLineBytes    longer lines become failure events without being decoded
 * @param decoderBySource index or source name → decoder name: {@code json}, {@code syslog}, {@code windows-xml},
 *                        {@code apache}, {@code nginx}, {@code iis}, {@code postfix}, {@code iptables},
 *                        {@code suricata}, {@code apache-error}, {@code hadoop}, {@code windows-cbs},
 *                        {@code hpc-syslog}; sources not listed are detected line by line
 */
public record ParserConfig(int maxLineBytes, Map<String, String> decoderBySource) {
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    public static final ParserConfig DEFAULT = new ParserConfig(DEFAULT_MAX_LINE_BYTES, Map.of());

    public ParserConfig {
        if (maxLineBytes < 16) {
            throw new IllegalArgumentException("parse.max_line_bytes must be at least 16, got " + maxLineBytes);
        }
        decoderBySource = Map.copyOf(decoderBySource);
    }
}
