package io.vigil.parse;

/**
 * Turns one raw line into flat ECS fields. Implementations are stateless after construction and
 * thread-safe, and never throw on bad input: they answer {@link DecodeResult.NotMine} when the line is not
 * in their format and {@link DecodeResult.Failed} when it is but is broken.
 */
public interface Decoder {
    /** The name configuration uses to pick this decoder, e.g. {@code "json"} or {@code "syslog"}. */
    String name();

    DecodeResult decode(byte[] line);
}
