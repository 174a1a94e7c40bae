package io.vigil.detect.compile;

/** A rule that cannot be compiled: the reason and the line (0 when unknown) of the offending key. */
public final class RuleRejection extends Exception {

    private final int line;

    public RuleRejection(int line, String reason) {
        super(reason, null, false, false);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
