package io.vigil.ingest.bulk;

import java.io.IOException;

/** Non-blank lines with their numbers and a one-line look-ahead, over a {@link LineReader}. */
final class Lines {
    record Line(byte[] bytes, int number) {
    }

    private final LineReader reader;
    private Line peeked;

    Lines(LineReader reader) {
        this.reader = reader;
    }

    Line next() throws IOException {
        if (peeked != null) {
            Line line = peeked;
            peeked = null;
            return line;
        }
        byte[] bytes;
        while ((bytes = reader.next()) != null) {
            if (!LineReader.isBlank(bytes)) {
                return new Line(bytes, reader.lineNumber());
            }
        }
        return null;
    }

    Line peek() throws IOException {
        if (peeked == null) {
            peeked = next();
        }
        return peeked;
    }
}
