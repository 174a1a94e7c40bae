package io.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.search.SearchException;
import io.vigil.search.TimeExpressions;
import io.vigil.web.HttpError;
import java.time.Clock;

/**
 * The {@code "from"} / {@code "to"} of a request body (ISO-8601 or {@code now-15m}; defaults: the last 24 hours),
 * as epoch millis. A bad expression or {@code from} after {@code to} is a 400 naming the problem.
 */
record RequestTimeRange(long from, long to) {
    static RequestTimeRange of(JsonNode body, Clock clock) {
        long from;
        long to;
        try {
            from = TimeExpressions.parse(body.path("from").asText("now-24h"), clock);
            to = TimeExpressions.parseUpper(body.path("to").asText("now"), clock);
        } catch (SearchException e) {
            throw new HttpError(400, e.getMessage());
        }
        if (from > to) throw new HttpError(400, "\"from\" is after \"to\"");
        return new RequestTimeRange(from, to);
    }
}
