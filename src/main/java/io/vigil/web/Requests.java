package io.vigil.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.vigil.access.Principal;

/** What route handlers outside this package need from a request: who is asking, and its JSON body. */
public final class Requests {
    private Requests() {}

    /** The authenticated caller; every non-public route has one by the time its handler runs. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(Authenticator.PRINCIPAL);
        if (p == null) throw new HttpError(401, "authentication required");
        return p;
    }

    /** The body as a JSON object (400 when it is not one), capped at the JSON body limit. */
    public static ObjectNode jsonBody(Context ctx) {
        return Replies.readObject(ctx, WebLimits.defaults().maxJsonBytes());
    }

    public static void reply(Context ctx, int status, com.fasterxml.jackson.databind.JsonNode body) {
        Replies.json(ctx, status, body);
    }
}
