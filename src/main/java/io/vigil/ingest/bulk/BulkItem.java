package io.vigil.ingest.bulk;

import java.util.Objects;

/** One action of a bulk request after parsing: a document to keep, or an item answered with an error. */
public sealed interface BulkItem {
    /** The action name as sent ({@code index}, {@code create}, ...; "index" when the line was unreadable). */
    String action();

    String index();

    String id();

    int lineNumber();

    /**
     * A document line to pass on. When {@code parseError} is non-null the line is not a JSON object: it is
     * still journaled (and becomes a parse-failure event that keeps the text), but the item is answered
     * with a 400 {@code mapper_parsing_exception} so the shipper knows.
     */
    record Document(String action, String index, String id, int lineNumber, byte[] source, String parseError)
            implements BulkItem {
        public Document {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source");
        }
    }

    /** An item that is answered with an error and passes nothing on. */
    record Rejected(String action, String index, String id, int lineNumber, int status, String errorType,
                    String reason) implements BulkItem {
        public Rejected {
            Objects.requireNonNull(action, "action");
            index = index == null ? "" : index;
            Objects.requireNonNull(errorType, "errorType");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
