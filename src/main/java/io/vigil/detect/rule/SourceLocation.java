package io.vigil.detect.rule;

import java.nio.file.Path;
import java.util.Objects;

/** Where something was read: a file and a 1-based line (0 when unknown). */
public record SourceLocation(Path file, int line) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0) throw new IllegalArgumentException("line must be >= 0, got " + line);
    }

    public SourceLocation atLine(int otherLine) {
        return new SourceLocation(file, otherLine > 0 ? otherLine : line);
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
