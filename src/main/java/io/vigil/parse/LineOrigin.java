package io.vigil.parse;

import java.util.Objects;

/**
 * Where a line came from: the batch's index (or source name), the input that received it, and the peer.
 * Decoders that keep per-source state (the IIS {@code #Fields:} header) key it by this value.
 *
 * @param index         the target index or configured source name ("" when none)
 * @param source        the input ("bulk", "syslog-tcp", "file"...)
 * @param sourceAddress the peer address ("" when unknown)
 */
public record LineOrigin(String index, String source, String sourceAddress) {
    public static final LineOrigin UNKNOWN = new LineOrigin("", "", "");

    public LineOrigin {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
    }
}
