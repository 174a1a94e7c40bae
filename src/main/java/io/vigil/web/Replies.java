package io.vigil.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;

/** Writing JSON replies and reading JSON bodies, the same way on every route. */
final class Replies {
    static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {
    }

    static void json(Context ctx, int status, JsonNode body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a reply", e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static void error(Context ctx, int status, String message) {
        json(ctx, status, object().put("error", message).put("status", status));
    }

    /** Reads a JSON object body (at most {@code maxBytes}); a missing or malformed body is a 400. */
    static ObjectNode readObject(Context ctx, long maxBytes) {
        byte[] bytes = RequestBodies.readAll(ctx, maxBytes);
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw HttpError.badRequest("the request body must be a JSON object");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw HttpError.badRequest("the request body is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    static String requiredText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw HttpError.badRequest("field '" + field + "' is required and must be a non-empty string");
        }
        return value.asText();
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }
}
