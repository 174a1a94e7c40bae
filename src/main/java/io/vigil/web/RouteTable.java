package io.vigil.web;

import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one list of every HTTP route and the access it needs. The server registers exactly these routes
 * and nothing else, so reading (or enumerating, in tests) this table tells who can reach what.
 * Other stages' routes are added from outside with a {@link Builder}:
 * <pre>{@code RouteTable extra = RouteTable.builder().get("/api/rules", Access.role(Role.VIEWER), ctx -> ...).build();}</pre>
 */
public record RouteTable(List<Route> routes) {
    public RouteTable {
        routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Accumulates routes; {@link #build()} refuses a table with a route lacking access or a duplicate. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        public Builder add(Route route) {
            routes.add(route);
            return this;
        }

        public Builder addAll(RouteTable table) {
            routes.addAll(table.routes());
            return this;
        }

        public Builder get(String path, Access access, Handler handler) {
            return add(new Route(HttpMethod.GET, path, access, handler));
        }

        public Builder head(String path, Access access, Handler handler) {
            return add(new Route(HttpMethod.HEAD, path, access, handler));
        }

        public Builder post(String path, Access access, Handler handler) {
            return add(new Route(HttpMethod.POST, path, access, handler));
        }

        public Builder put(String path, Access access, Handler handler) {
            return add(new Route(HttpMethod.PUT, path, access, handler));
        }

        public Builder delete(String path, Access access, Handler handler) {
            return add(new Route(HttpMethod.DELETE, path, access, handler));
        }

        /** @throws IllegalStateException naming every route without access and every duplicate */
        public RouteTable build() {
            List<String> problems = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Route route : routes) {
                if (route.access() == null) {
                    problems.add("route " + route.name() + " declares no access (use Access.PUBLIC explicitly if it is public)");
                }
                if (!seen.add(route.name())) {
                    problems.add("route " + route.name() + " is declared twice");
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("invalid route table: " + String.join("; ", problems));
            }
            return new RouteTable(routes);
        }
    }
}
