package io.vigil.ingest.bulk;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one item of the bulk response the way Elasticsearch shapes it. */
final class BulkItemResults {
    private BulkItemResults() {
    }

    /** Whether the item is answered 201 (stored, and its line was one JSON object). */
    static boolean succeeded(BulkItem item, BatchOutcome outcome) {
        return item instanceof BulkItem.Document doc && outcome instanceof BatchOutcome.Durable && doc.parseError() == null;
    }

    /** Writes {@code {"<action>": {"_index", "_id", status and result or error}}}. */
    static void write(JsonGenerator g, BulkItem item, BatchOutcome outcome, long seqNo) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart(item.action());
        g.writeStringField("_index", item.index());
        g.writeStringField("_id", item.id());
        switch (item) {
            case BulkItem.Rejected r -> error(g, r.status(), r.errorType(), r.reason());
            case BulkItem.Document doc -> {
                switch (outcome) {
                    case BatchOutcome.Rejected r -> error(g, 429, "es_rejected_execution_exception", r.reason());
                    case BatchOutcome.Failed f -> error(g, 503, "unavailable_shards_exception", f.reason());
                    case BatchOutcome.Durable d -> {
                        if (doc.parseError() != null) {
                            error(g, 400, "mapper_parsing_exception", doc.parseError() + "; the raw text was kept as a parse failure");
                        } else {
                            created(g, seqNo);
                        }
                    }
                    case null -> throw new IllegalStateException("no outcome for index " + doc.index());
                }
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void created(JsonGenerator g, long seqNo) throws IOException {
        g.writeNumberField("_version", 1);
        g.writeStringField("result", "created");
        g.writeObjectFieldStart("_shards");
        g.writeNumberField("total", 1);
        g.writeNumberField("successful", 1);
        g.writeNumberField("failed", 0);
        g.writeEndObject();
        g.writeNumberField("_seq_no", seqNo);
        g.writeNumberField("_primary_term", 1);
        g.writeNumberField("status", 201);
    }

    private static void error(JsonGenerator g, int status, String type, String reason) throws IOException {
        g.writeNumberField("status", status);
        g.writeObjectFieldStart("error");
        g.writeStringField("type", type);
        g.writeStringField("reason", reason);
        g.writeEndObject();
    }
}
