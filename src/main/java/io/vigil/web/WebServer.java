package io.vigil.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import io.vigil.access.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's HTTP server (Javalin 7 on Jetty 12). It registers exactly the routes of its {@link RouteTable}
 * — the built-in ones plus any the caller adds — each wrapped in the access check the table declares.
 *
 * <p>Every non-public route authenticates first (401 with {@code WWW-Authenticate: Basic realm="vigil"}),
 * then checks the role (403). Unknown paths answer 404 only to authenticated callers; others get 401, so
 * probing reveals nothing; a console page load without a session is redirected to the login page. Errors are JSON ({@code {"error", "status"}}), never stack traces. Every
 * response carries nosniff, no-referrer, a strict CSP, frame denial and {@code Cache-Control: no-store}.
 *
 * <pre>{@code
 * WebServer web = new WebServer(WebContext.local(accounts, gateway, search, registry, 9200), extraRoutes).start();
 * int port = web.port();   ...   web.close();
 * }</pre>
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** Sent by the browser console on every API call (see console/api.js). */
    static final String CONSOLE_REQUEST_HEADER = "X-Vigil-Console";
    /** No inline script or style, no plugins, no framing, no foreign origins: the console's XSS backstop. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final WebContext context;
    private final RouteTable routes;
    private final Authenticator authenticator;
    private final Javalin app;

    public WebServer(WebContext context) {
        this(context, new RouteTable(java.util.List.of()));
    }

    /** @throws IllegalStateException naming any route without access, or declared twice */
    public WebServer(WebContext context, RouteTable extraRoutes) {
        this.context = context;
        Sessions sessions = new Sessions(context.clock(), context.limits().sessionIdle());
        this.authenticator = new Authenticator(context.accounts(), sessions,
                context.metrics().counter("vigil.web.auth.failures"));
        RouteTable.Builder builder = RouteTable.builder();
        new CoreRoutes(context.search(), context.metrics(), context.limits().maxJsonBytes()).addTo(builder);
        new AccountRoutes(context.accounts(), sessions, authenticator, context.limits().maxJsonBytes()).addTo(builder);
        new IngestRoutes(context).addTo(builder);
        new EsCompatRoutes().addTo(builder);
        new ConsoleRoutes().addTo(builder);
        this.routes = builder.addAll(extraRoutes).build();
        this.app = Javalin.create(this::configure);
    }

    /** The full route table, for tests and documentation. */
    public RouteTable routes() {
        return routes;
    }

    public WebServer start() {
        app.start();
        LOG.info("HTTP API listening on {}:{} ({} routes)", context.host(), app.port(), routes.routes().size());
        return this;
    }

    /** The bound port (the real one when 0 was asked for); valid after {@link #start()}. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void configure(JavalinConfig config) {
        config.jetty.host = context.host();
        config.jetty.port = context.port();
        config.http.maxRequestSize = Math.max(context.limits().maxBulkBytes(), context.limits().maxJsonBytes());
        config.startup.showJavalinBanner = false;
        config.routes.before(WebServer::securityHeaders);
        for (Route route : routes.routes()) {
            config.routes.addHttpHandler(route.method().handlerType(), route.path(), guarded(route));
        }
        config.routes.exception(HttpError.class, (e, ctx) -> writeError(ctx, e));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e instanceof EndpointNotFound) {
                notFound(ctx);
            } else {
                writeError(ctx, new HttpError(e.getStatus(), e.getMessage()));
            }
        });
        config.routes.exception(UnsupportedOperationException.class,
                (e, ctx) -> writeError(ctx, new HttpError(501, "not implemented yet: " + e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            writeError(ctx, new HttpError(500, "internal error; the server log has the details"));
        });
    }

    private Handler guarded(Route route) {
        Access access = route.access();
        Handler handler = route.handler();
        if (access instanceof Access.Public) {
            return handler;
        }
        return ctx -> {
            Principal principal = authenticator.require(ctx);
            if (!access.permits(principal)) {
                throw new HttpError(403, route.name() + " needs " + access.describe() + "; '" + principal.user()
                        + "' has role " + principal.role().lowerName());
            }
            handler.handle(ctx);
        };
    }

    /** No route matched: authenticate first, so that unauthenticated callers cannot map the API. */
    private void notFound(Context ctx) {
        try {
            authenticator.require(ctx);
        } catch (HttpError e) {
            writeError(ctx, e);
            return;
        }
        Replies.error(ctx, 404, "no route " + ctx.method() + " " + ctx.path());
    }

    private static void writeError(Context ctx, HttpError e) {
        if (e.status() == 401 && ConsoleRoutes.isPageNavigation(ctx)) {
            ctx.redirect(ConsoleRoutes.LOGIN_PAGE);
            return;
        }
        // the console marks its fetches: a Basic challenge there would pop up the browser's password box
        if (e.status() == 401 && ctx.header(CONSOLE_REQUEST_HEADER) == null) {
            ctx.header("WWW-Authenticate", Authenticator.CHALLENGE);
        }
        if (e.body() != null) {
            Replies.json(ctx, e.status(), e.body());
        } else {
            Replies.error(ctx, e.status(), e.getMessage());
        }
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        // API answers and console files alike: nothing of a session outlives it in a shared cache
        ctx.header("Cache-Control", "no-store");
    }
}
