package io.vigil.parse;

import java.util.Map;
import java.util.Objects;

/** What a {@link Decoder} made of one line. */
public sealed interface DecodeResult {

    /**
     * The line was understood.
     *
     * @param fields flat dotted ECS fields; the map is handed over (the decoder keeps no reference), so the
     *               parser completes it in place ({@code @timestamp} first) without copying
     */
    record Decoded(Map<String, Object> fields) implements DecodeResult {
        public Decoded {
            Objects.requireNonNull(fields, "fields");
        }
    }

    /** The line is not in this decoder's format; the next decoder may try. */
    enum NotMine implements DecodeResult { INSTANCE }

    /**
     * The line is in this decoder's format but cannot be decoded.
     *
     * @param reason a predicate about the line, so that "line 3 " + reason reads as a sentence, e.g.
     *               {@code "is not a JSON object: Unexpected end-of-input at column 7"}
     */
    record Failed(String reason) implements DecodeResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static DecodeResult notMine() {
        return NotMine.INSTANCE;
    }
}
