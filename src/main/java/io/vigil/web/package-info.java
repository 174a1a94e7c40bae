/**
 * Stage 9: the HTTP API and console. One route table declares the role every route needs; authentication
 * on everything but health and login.
 *
 * <p>Read {@link io.vigil.web.WebServer} first, then {@link io.vigil.web.RouteTable} and
 * {@link io.vigil.web.Access}. The route groups ({@code CoreRoutes}, {@code AccountRoutes},
 * {@code IngestRoutes}, {@code EsCompatRoutes}) each add their entries to the one table; other stages add
 * theirs through {@code new WebServer(context, RouteTable.builder()...build())}.
 *
 * <p>Invariants: the server registers only the table's routes; a route without declared access stops
 * startup; every non-public route authenticates (401 + {@code WWW-Authenticate: Basic realm="vigil"})
 * before checking the role (403); unknown paths are 401 until authenticated, then 404; every error is a
 * JSON body {@code {"error", "status"}} without stack traces; ingest routes answer 2xx only after the
 * journal acknowledged. Credentials: Basic (password or API token as password), {@code ApiKey} (a Vigil
 * token, or Elasticsearch's base64(id:secret)), {@code Bearer} token, or the {@code vigil_session}
 * cookie (HttpOnly, SameSite=Strict) from {@code POST /api/login}.
 *
 * <p>The browser console is static files under {@code src/main/resources/console/} (plain ES modules, no build
 * step) served by {@code ConsoleRoutes} at {@code /console/}; uPlot comes from its WebJar. Only the login page and
 * its assets are public. The console's API contract is written down in {@code console/API.md}. Console page loads
 * without a session are redirected to the login page; console API calls (header {@code X-Vigil-Console}) get 401
 * without a Basic challenge. The CSP ({@code WebServer.CONTENT_SECURITY_POLICY}) allows no inline
 * script or style, and the console renders all event data with text nodes only.
 * <p>Security ({@link io.vigil.web.WebSecurity}): sessions end after 30 idle minutes or 12 hours
 * ({@link io.vigil.web.WebLimits}); a cookie-authenticated request that is not GET/HEAD must carry the
 * session's {@code X-CSRF-Token} (returned by login and /api/me; Basic/ApiKey callers need none); logins
 * (console and Basic) are throttled — a locked user or address gets 429 with Retry-After; logins, searches,
 * user and token changes are written to the audit log; viewers get personal fields pseudonymised
 * ({@link io.vigil.web.FieldMasking}); plain HTTP off loopback is refused unless explicitly allowed
 * ({@code TransportCheck}), and HTTPS ({@code io.vigil.web.tls}) adds HSTS and Secure cookies.
 * {@code io.vigil.web.exposure} holds the exposure check.
 *
 * <p>Thread-safety: the server and its route handlers are safe for concurrent requests; sessions live in
 * a concurrent map in memory.
 */
package io.vigil.web;
