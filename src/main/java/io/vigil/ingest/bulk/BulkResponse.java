package io.vigil.ingest.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The answer to a bulk request: the HTTP status (200, or 429/503 when nothing could be stored), the
 * {@code Retry-After} seconds to send (0 = none), the Elasticsearch-shaped body as JSON bytes (written
 * straight from the items: a tree of thousands of item nodes per request only made garbage) and how many
 * items failed.
 */
public record BulkResponse(int httpStatus, int retryAfterSeconds, byte[] json, int failedItems) {
    public BulkResponse {
        Objects.requireNonNull(json, "json");
    }

    /** A response whose body is a small tree (the whole-request errors). */
    static BulkResponse of(int httpStatus, int retryAfterSeconds, ObjectNode body) {
        try {
            return new BulkResponse(httpStatus, retryAfterSeconds, BulkRequestParser.MAPPER.writeValueAsBytes(body), 0);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a bulk response", e);
        }
    }

    /** The body as a tree, for callers that inspect it (tests, tools); the server sends {@link #json()}. */
    public ObjectNode body() {
        try {
            return (ObjectNode) BulkRequestParser.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
