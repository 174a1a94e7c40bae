package io.vigil.web;

import io.javalin.http.Handler;
import java.util.Objects;

/**
 * One entry of the route table. {@code access} may be null only so that {@link RouteTable.Builder#build()}
 * can list every route that forgot it at once; a table with such a route never starts.
 * Paths use Javalin syntax: {@code /api/tokens/{id}}.
 */
public record Route(HttpMethod method, String path, Access access, Handler handler) {
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + path);
        }
    }

    public String name() {
        return method + " " + path;
    }
}
