package io.vigil.ingest.bulk;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Fills one item of the bulk response the way Elasticsearch shapes it. */
final class BulkItemResults {
    private BulkItemResults() {
    }

    /** Writes status and result or error into {@code result}; returns true when the item succeeded. */
    static boolean fill(ObjectNode result, BulkItem item, BatchOutcome outcome, long seqNo) {
        return switch (item) {
            case BulkItem.Rejected r -> error(result, r.status(), r.errorType(), r.reason());
            case BulkItem.Document doc -> switch (outcome) {
                case BatchOutcome.Rejected r -> error(result, 429, "es_rejected_execution_exception", r.reason());
                case BatchOutcome.Failed f -> error(result, 503, "unavailable_shards_exception", f.reason());
                case BatchOutcome.Durable d -> doc.parseError() != null
                        ? error(result, 400, "mapper_parsing_exception", doc.parseError()
                                + "; the raw text was kept as a parse failure")
                        : created(result, seqNo);
                case null -> throw new IllegalStateException("no outcome for index " + doc.index());
            };
        };
    }

    private static boolean created(ObjectNode result, long seqNo) {
        result.put("_version", 1).put("result", "created");
        result.putObject("_shards").put("total", 1).put("successful", 1).put("failed", 0);
        result.put("_seq_no", seqNo).put("_primary_term", 1).put("status", 201);
        return true;
    }

    private static boolean error(ObjectNode result, int status, String type, String reason) {
        result.put("status", status);
        result.putObject("error").put("type", type).put("reason", reason);
        return false;
    }
}
