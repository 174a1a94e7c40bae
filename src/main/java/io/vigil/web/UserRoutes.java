package io.vigil.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.vigil.access.Accounts;
import io.vigil.access.Role;
import io.vigil.access.User;
import io.vigil.access.audit.AuditLog;
import java.util.Map;

/**
 * User administration for admins: list, create, disable, set a password. Disabling a user or changing
 * their password ends their console sessions at once. Password hashes never leave the server.
 */
final class UserRoutes {
    private static final Access ADMIN = Access.role(Role.ADMIN);

    private final Accounts accounts;
    private final Sessions sessions;
    private final Authenticator authenticator;
    private final AuditLog audit;
    private final long maxJsonBytes;

    UserRoutes(WebContext context, Sessions sessions, Authenticator authenticator, AuditLog audit) {
        this.accounts = context.accounts();
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.audit = audit;
        this.maxJsonBytes = context.limits().maxJsonBytes();
    }

    void addTo(RouteTable.Builder routes) {
        routes.get("/api/users", ADMIN, this::list)
                .post("/api/users", ADMIN, this::create)
                .post("/api/users/{name}/disable", ADMIN, this::disable)
                .post("/api/users/{name}/password", ADMIN, this::password);
    }

    private void list(Context ctx) {
        ArrayNode users = Replies.JSON.createArrayNode();
        accounts.users().forEach(u -> users.add(describe(u)));
        Replies.json(ctx, 200, Replies.object().set("users", users));
    }

    private void create(Context ctx) {
        ObjectNode body = Replies.readObject(ctx, maxJsonBytes);
        String name = Replies.requiredText(body, "name");
        User user;
        try {
            user = accounts.createUser(name, Replies.requiredText(body, "password"),
                    Role.parse(Replies.requiredText(body, "role")));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        audit.record(authenticator.require(ctx).user(), "user.create", name, Map.of("role", user.role().lowerName()));
        Replies.json(ctx, 201, describe(user));
    }

    private void disable(Context ctx) {
        String name = ctx.pathParam("name");
        try {
            accounts.setDisabled(name, true);
        } catch (IllegalArgumentException e) {
            throw new HttpError(404, e.getMessage());
        }
        sessions.endAllOf(name);
        audit.record(authenticator.require(ctx).user(), "user.disable", name, Map.of());
        Replies.json(ctx, 200, Replies.object().put("user", name).put("disabled", true));
    }

    private void password(Context ctx) {
        String name = ctx.pathParam("name");
        ObjectNode body = Replies.readObject(ctx, maxJsonBytes);
        if (accounts.user(name).isEmpty()) {
            throw new HttpError(404, "no user '" + name + "'");
        }
        try {
            accounts.changePassword(name, Replies.requiredText(body, "password"));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        sessions.endAllOf(name);
        audit.record(authenticator.require(ctx).user(), "user.password", name, Map.of());
        Replies.json(ctx, 200, Replies.object().put("user", name).put("password_changed", true));
    }

    static ObjectNode describe(User u) {
        return Replies.object().put("name", u.name()).put("role", u.role().lowerName()).put("disabled", u.disabled())
                .put("created_at", u.createdAt().toString())
                .put("last_login_at", u.lastLoginAt() == null ? null : u.lastLoginAt().toString());
    }
}
