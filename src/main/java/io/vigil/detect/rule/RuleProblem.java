package io.vigil.detect.rule;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Why a rule (or a whole file) could not be loaded or compiled. Loading continues after a problem;
 * the list of problems is what {@code vigil rules check} prints.
 */
public record RuleProblem(Path file, int line, String reason) {

    public RuleProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    public static RuleProblem at(SourceLocation where, String reason) {
        return new RuleProblem(where.file(), where.line(), reason);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
