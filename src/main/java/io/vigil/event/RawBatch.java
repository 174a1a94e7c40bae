package io.vigil.event;

import java.util.List;
import java.util.Objects;

/**
 * What an input hands to the journal: raw lines exactly as received, plus where they came from.
 * Nothing has been parsed yet; decoding happens after the batch is durable.
 *
 * @param source        which input received it (e.g. "bulk", "http", "syslog-tcp")
 * @param index         the target index or source name ("" when none)
 * @param sourceAddress the peer's address ("" when unknown)
 * @param receivedAt    epoch milliseconds at receipt; becomes {@code event.ingested}
 * @param lines         the raw payloads, one event each
 */
public record RawBatch(String source, String index, String sourceAddress, long receivedAt, List<byte[]> lines) {
    public RawBatch {
        Objects.requireNonNull(source, "source");
        index = index == null ? "" : index;
        sourceAddress = sourceAddress == null ? "" : sourceAddress;
        lines = List.copyOf(lines);
    }

    public int size() {
        return lines.size();
    }
}
