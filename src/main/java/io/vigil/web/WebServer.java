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
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** Sent by the browser console on every API call (see console/api.js). */
    static final String CONSOLE_REQUEST_HEADER = "X-Vigil-Console";
    /** No inline script or style, no plugins, no framing, no foreign origins: the console's XSS backstop. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final String HSTS = "max-age=31536000";

    private final WebContext context;
    private final WebSecurity security;
    private final RouteTable routes;
    private final Authenticator authenticator;
    private final Javalin app;

    public WebServer(WebContext context) {
        this(context, new RouteTable(java.util.List.of()));
    }

    public WebServer(WebContext context, RouteTable extraRoutes) {
        this(context, WebSecurity.defaults(), extraRoutes);
    }

    /**
     * @throws IllegalStateException naming any route without access, or declared twice; or when asked to listen
     *                               on a non-loopback address over plain HTTP without {@code insecure.allow_plain_http}
     */
    public WebServer(WebContext context, WebSecurity security, RouteTable extraRoutes) {
        this.context = context;
        this.security = security;
        TransportCheck.requireSafe(context.host(), security.transport());
        Sessions sessions = new Sessions(context.clock(), context.limits().sessionIdle(), context.limits().sessionMax());
        this.authenticator = new Authenticator(context.accounts(), sessions,
                context.metrics().counter("vigil.web.auth.failures"), security.audit(), context.clock());
        RouteTable.Builder builder = RouteTable.builder();
        new CoreRoutes(context).addTo(builder);
        new SearchRoutes(context, security, authenticator).addTo(builder);
        new AccountRoutes(context, sessions, authenticator, security.audit()).addTo(builder);
        new UserRoutes(context, sessions, authenticator, security.audit()).addTo(builder);
        new AuditRoutes(security.audit(), authenticator).addTo(builder);
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
        TransportCheck.warnIfPlainOffLoopback(context.host(), security.transport());
        app.start();
        LOG.info("HTTP API listening on {}://{}:{} ({} routes)", scheme(), context.host(), app.port(),
                routes.routes().size());
        if (security.transport() instanceof Transport.Tls tls) {
            LOG.info("TLS certificate SHA-256 fingerprint {}", tls.identity().fingerprint());
        }
        return this;
    }

    /** "https" or "http". */
    public String scheme() {
        return security.transport() instanceof Transport.Tls ? "https" : "http";
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
        if (security.transport() instanceof Transport.Tls tls) {
            config.jetty.addConnector((server, http) -> TlsConnector.create(server, http, tls.identity(),
                    context.host(), context.port()));
        }
        config.http.maxRequestSize = Math.max(context.limits().maxBulkBytes(), context.limits().maxJsonBytes());
        config.startup.showJavalinBanner = false;
        boolean tls = security.transport() instanceof Transport.Tls;
        config.routes.before(ctx -> securityHeaders(ctx, tls));
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
        boolean changesState = route.method() != HttpMethod.GET && route.method() != HttpMethod.HEAD;
        return ctx -> {
            Principal principal = authenticator.require(ctx);
            if (!access.permits(principal)) {
                throw new HttpError(403, route.name() + " needs " + access.describe() + "; '" + principal.user()
                        + "' has role " + principal.role().lowerName());
            }
            Sessions.Session session = Authenticator.sessionOf(ctx);
            if (changesState && session != null && !Sessions.csrfMatches(session, ctx.header(CSRF_HEADER))) {
                throw csrfRejected();
            }
            handler.handle(ctx);
        };
    }

    /** The 403 for a cookie-authenticated state change without the session's CSRF token. */
    static HttpError csrfRejected() {
        return new HttpError(403, "missing or wrong " + CSRF_HEADER + " header: requests authenticated by the session"
                + " cookie must echo the csrf_token returned by /api/login or /api/me");
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

    private static void securityHeaders(Context ctx, boolean tls) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        // no 'unsafe-inline' anywhere: console scripts and styles must be files served from 'self'
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        // API answers and console files alike: nothing of a session outlives it in a shared cache
        ctx.header("Cache-Control", "no-store");
        if (tls) {
            ctx.header("Strict-Transport-Security", HSTS);
        }
    }
}
