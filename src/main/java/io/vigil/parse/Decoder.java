package io.vigil.parse;

/**
 * Turns one raw line into flat ECS fields. Implementations are thread-safe and never throw on bad input:
 * they answer {@link DecodeResult.NotMine} when the line is not in their format and
 * {@link DecodeResult.Failed} when it is but is broken. Most are stateless; a decoder whose format is
 * defined by earlier lines of the same source (IIS W3C's {@code #Fields:} directive) overrides
 * {@link #decode(LineOrigin, byte[])} and keeps that state per {@link LineOrigin}.
 */
public interface Decoder {
    /** The name configuration uses to pick this decoder, e.g. {@code "json"} or {@code "syslog"}. */
    String name();

    DecodeResult decode(byte[] line);

    /**
     * True when decoding a line again later, with the same origin and receipt time, gives the same fields: the
     * store then keeps only the raw line and re-decodes it on read. False for decoders with state carried
     * between lines (IIS W3C's {@code #Fields:}).
     */
    default boolean reproducible() {
        return true;
    }

    /** Decodes a line knowing its origin; stateless decoders ignore the origin. */
    default DecodeResult decode(LineOrigin origin, byte[] line) {
        return decode(line);
    }
}
