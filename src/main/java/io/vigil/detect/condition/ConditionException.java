package io.vigil.detect.condition;

/** A condition expression that does not parse; the message names the position and what was expected. */
public final class ConditionException extends IllegalArgumentException {

    public ConditionException(String message) {
        super(message);
    }
}
