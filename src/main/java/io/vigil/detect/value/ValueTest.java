package io.vigil.detect.value;

import java.util.Objects;

/**
 * A test of one event value, given as its text and its lower-cased text (computed once per event field
 * and shared by every rule). Implementations are immutable and thread-safe.
 */
public sealed interface ValueTest permits Glob, RegexTest, CidrTest, NumberTest, TimePartTest {

    boolean test(String raw, String lower);

    /** A literal every matching value must contain (lower-cased), or "" when there is none. */
    default String requiredLiteral() {
        return "";
    }

    static void requireText(String raw, String lower) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(lower, "lower");
    }
}
