package io.vigil.parse.json;

/**
 * A document that cannot be flattened. The message is a predicate about the input ("is not a JSON object:
 * ...", "nests deeper than 64 levels") so callers can prefix it with what the input was.
 */
public final class FlattenException extends Exception {
    public FlattenException(String predicate) {
        super(predicate, null, false, false);
    }
}
