package io.vigil.web;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ends a request with a JSON error ({@code {"error", "status"}}, or {@code body} when given). Handlers throw
 * it; the server's exception mapper writes it. Never carries a stack trace to the client.
 */
public final class HttpError extends RuntimeException {
    private final int status;
    private final transient ObjectNode body;

    public HttpError(int status, String message) {
        this(status, message, null);
    }

    public HttpError(int status, String message, ObjectNode body) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** A custom body (e.g. Elasticsearch-shaped), or null for the standard one. */
    public ObjectNode body() {
        return body;
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }
}
