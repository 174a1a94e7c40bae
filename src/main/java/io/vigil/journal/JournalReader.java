package io.vigil.journal;

import java.io.Closeable;
import java.io.IOException;

/** Sequential reader over journal records. Not thread-safe. */
public interface JournalReader extends Closeable {

    /** The next durable record, or null when the reader has reached the end of what is durable now. */
    Record next() throws IOException;

    /** A record and where it sits. {@code next} is the position of the following record. */
    record Record(long position, long next, byte[] payload) {}
}
