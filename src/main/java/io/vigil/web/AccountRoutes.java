package io.vigil.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.vigil.access.Accounts;
import io.vigil.access.ApiToken;
import io.vigil.access.Capability;
import io.vigil.access.IssuedToken;
import io.vigil.access.LoginOutcome;
import io.vigil.access.Principal;
import io.vigil.access.Role;
import io.vigil.access.audit.AuditLog;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Login, logout, who-am-I and API token management. Login and /api/me return the session's CSRF token;
 * login is throttled by user name and address (429 while locked). Every outcome is audited.
 */
final class AccountRoutes {
    private final WebContext context;
    private final Accounts accounts;
    private final Sessions sessions;
    private final Authenticator authenticator;
    private final AuditLog audit;

    AccountRoutes(WebContext context, Sessions sessions, Authenticator authenticator, AuditLog audit) {
        this.context = context;
        this.accounts = context.accounts();
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.audit = audit;
    }

    void addTo(RouteTable.Builder routes) {
        routes.post("/api/login", Access.PUBLIC, this::login)
                .post("/api/logout", Access.PUBLIC, this::logout)
                .get("/api/me", Access.ANY_PRINCIPAL, this::me)
                .post("/api/tokens", Access.role(Role.ADMIN), this::createToken)
                .get("/api/tokens", Access.role(Role.ADMIN), this::listTokens)
                .delete("/api/tokens/{id}", Access.role(Role.ADMIN), this::revokeToken);
    }

    private void login(Context ctx) {
        ObjectNode body = Replies.readObject(ctx, context.limits().maxJsonBytes());
        String user = Replies.requiredText(body, "user");
        String password = Replies.requiredText(body, "password");
        // the console logs in with passwords only; tokens are for machines
        LoginOutcome outcome = password.startsWith("vgl_") ? new LoginOutcome.Rejected()
                : accounts.login(user, password, ctx.ip());
        switch (outcome) {
            case LoginOutcome.Success s -> startSession(ctx, s.principal());
            case LoginOutcome.Rejected r -> {
                audit.record("anonymous", "auth.login.failed", user, Map.of("address", ctx.ip()));
                Replies.error(ctx, 401, "wrong user name or password");
            }
            case LoginOutcome.Locked l -> {
                audit.record("anonymous", "auth.lockout", user, Map.of("address", ctx.ip(),
                        "lock", l.lockout().kind().name().toLowerCase(Locale.ROOT)));
                throw Authenticator.locked(ctx, l, context.clock());
            }
        }
    }

    private void startSession(Context ctx, Principal principal) {
        Sessions.Started started = sessions.start(principal.user());
        String secure = "https".equalsIgnoreCase(ctx.scheme()) ? "; Secure" : "";
        ctx.header("Set-Cookie", Sessions.COOKIE + "=" + started.id() + "; Path=/; HttpOnly; SameSite=Strict" + secure);
        audit.record(principal.user(), "auth.login", "", Map.of("address", ctx.ip()));
        Replies.json(ctx, 200, Replies.object().put("user", principal.user()).put("role", principal.role().lowerName())
                .put("csrf_token", started.session().csrfToken()));
    }

    private void logout(Context ctx) {
        String id = ctx.cookie(Sessions.COOKIE);
        sessions.find(id).ifPresent(session -> {
            if (!Sessions.csrfMatches(session, ctx.header(WebServer.CSRF_HEADER))) {
                throw WebServer.csrfRejected();
            }
            audit.record(session.user(), "auth.logout", "", Map.of("address", ctx.ip()));
        });
        sessions.end(id);
        String secure = "https".equalsIgnoreCase(ctx.scheme()) ? "; Secure" : "";
        ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + secure);
        Replies.json(ctx, 200, Replies.object().put("logged_out", true));
    }

    private void me(Context ctx) {
        Principal principal = authenticator.require(ctx);
        ObjectNode body = Replies.object().put("user", principal.user()).put("role", principal.role().lowerName());
        ArrayNode capabilities = body.putArray("capabilities");
        principal.capabilities().forEach(c -> capabilities.add(c.name().toLowerCase(Locale.ROOT)));
        body.put("token_id", principal.tokenId());
        Sessions.Session session = Authenticator.sessionOf(ctx);
        if (session != null) {
            body.put("csrf_token", session.csrfToken());
        }
        Replies.json(ctx, 200, body);
    }

    private void createToken(Context ctx) {
        Principal caller = authenticator.require(ctx);
        ObjectNode body = Replies.readObject(ctx, context.limits().maxJsonBytes());
        String name = Replies.requiredText(body, "name");
        String owner = body.hasNonNull("owner") ? body.get("owner").asText() : caller.user();
        IssuedToken issued;
        try {
            issued = accounts.createToken(owner, name, Role.parse(Replies.requiredText(body, "role")), capabilities(body));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        audit.record(caller.user(), "token.create", issued.token().id(), Map.of("name", name, "owner", owner,
                "role", issued.token().role().lowerName()));
        ObjectNode reply = describe(issued.token());
        reply.put("token", issued.secret());
        reply.put("note", "this is the only time the token is shown; store it now");
        Replies.json(ctx, 201, reply);
    }

    private static Set<Capability> capabilities(ObjectNode body) {
        Set<Capability> set = EnumSet.noneOf(Capability.class);
        JsonNode list = body.get("capabilities");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw HttpError.badRequest("field 'capabilities' must be an array of strings, e.g. [\"metrics\"]");
            }
            list.forEach(c -> set.add(Capability.parse(c.asText())));
        }
        return set;
    }

    private void listTokens(Context ctx) {
        ArrayNode array = Replies.JSON.createArrayNode();
        accounts.tokens().forEach(t -> array.add(describe(t)));
        Replies.json(ctx, 200, Replies.object().set("tokens", array));
    }

    private void revokeToken(Context ctx) {
        String id = ctx.pathParam("id");
        if (!accounts.revokeToken(id)) {
            throw new HttpError(404, "no API token with id '" + id + "'");
        }
        audit.record(authenticator.require(ctx).user(), "token.revoke", id, Map.of());
        Replies.json(ctx, 200, Replies.object().put("id", id).put("revoked", true));
    }

    static ObjectNode describe(ApiToken token) {
        ObjectNode node = Replies.object().put("id", token.id()).put("name", token.name())
                .put("role", token.role().lowerName()).put("owner", token.owner())
                .put("created_at", token.createdAt().toString())
                .put("last_used_at", token.lastUsedAt() == null ? null : token.lastUsedAt().toString())
                .put("revoked", token.revoked());
        ArrayNode capabilities = node.putArray("capabilities");
        token.capabilities().forEach(c -> capabilities.add(c.name().toLowerCase(Locale.ROOT)));
        return node;
    }
}
