package io.vigil.ingest.bulk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The answer to a bulk request: the HTTP status (200, or 429/503 when nothing could be stored), the
 * {@code Retry-After} seconds to send (0 = none) and the Elasticsearch-shaped body.
 */
public record BulkResponse(int httpStatus, int retryAfterSeconds, ObjectNode body) {
    public BulkResponse {
        Objects.requireNonNull(body, "body");
    }

    /** An Elasticsearch-shaped error body: {@code {"error": {"root_cause": [...], "type", "reason"}, "status"}}. */
    public static ObjectNode esError(int status, String type, String reason) {
        ObjectNode body = BulkRequestParser.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        ObjectNode cause = error.putArray("root_cause").addObject();
        cause.put("type", type).put("reason", reason);
        error.put("type", type).put("reason", reason);
        body.put("status", status);
        return body;
    }
}
