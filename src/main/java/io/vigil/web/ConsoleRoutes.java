package io.vigil.web;

import io.javalin.http.Context;
import io.vigil.access.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Serves the browser console: static files under {@code console/} on the classpath and uPlot from its WebJar.
 *
 * <p>Only the login page and what it loads ({@link #LOGIN_ASSETS}) are public; every other file, the app shell
 * included, needs a viewer session like the API it calls — so the console's code and layout are not shown to
 * strangers. An unauthenticated page load is redirected to the login page by {@link WebServer} (see
 * {@link #isPageNavigation}), never answered with a Basic challenge that would open the browser's password box.
 * Paths are checked against a strict pattern and an extension list before touching the classpath, so
 * {@code ..}, encoded tricks and unexpected types are 404s.
 */
final class ConsoleRoutes {
    static final String LOGIN_PAGE = "/console/login.html";
    /** Exactly what login.html needs; everything else under /console/ requires a session. */
    static final Set<String> LOGIN_ASSETS = Set.of("login.html", "login.js", "console.css", "logo.svg");
    private static final Pattern SAFE_PATH = Pattern.compile("[a-z0-9_-]+(/[a-z0-9_-]+)*\\.[a-z]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "md", "text/plain; charset=utf-8");
    private static final Set<String> UPLOT_FILES = Set.of("uPlot.esm.js", "uPlot.min.css");

    private final String uplotRoot;

    ConsoleRoutes() {
        this.uplotRoot = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
    }

    void addTo(RouteTable.Builder routes) {
        Access viewer = Access.role(Role.VIEWER);
        // "/" itself is Elasticsearch's version document (EsCompatRoutes); browsers start at /console/
        // Javalin ignores trailing slashes, so this also answers /console
        routes.get("/console/", viewer, ctx -> serve(ctx, "index.html"));
        for (String asset : LOGIN_ASSETS.stream().sorted().toList()) {
            routes.get("/console/" + asset, Access.PUBLIC, ctx -> serve(ctx, asset));
        }
        routes.get("/console/vendor/uplot/{file}", viewer, this::uplot)
                .get("/console/<path>", viewer, ctx -> serve(ctx, ctx.pathParam("path")));
    }

    /** A top-level page load of the console (not an API call, not a script): 401 becomes a redirect to login. */
    static boolean isPageNavigation(Context ctx) {
        String path = ctx.path();
        boolean consolePath = path.equals("/") || path.equals("/console") || path.equals("/console/")
                || path.startsWith("/console/") && path.endsWith(".html");
        String accept = ctx.header("Accept");
        return "GET".equals(ctx.method().name()) && consolePath && accept != null && accept.contains("text/html");
    }

    private void uplot(Context ctx) {
        String file = ctx.pathParam("file");
        if (!UPLOT_FILES.contains(file)) {
            throw new HttpError(404, "no console file " + ctx.path());
        }
        send(ctx, uplotRoot + file, extension(file));
    }

    private static void serve(Context ctx, String path) {
        if (!SAFE_PATH.matcher(path).matches() || !TYPES.containsKey(extension(path))) {
            throw new HttpError(404, "no console file " + ctx.path());
        }
        send(ctx, "console/" + path, extension(path));
    }

    private static void send(Context ctx, String resource, String extension) {
        byte[] bytes = read(resource).orElseThrow(() -> new HttpError(404, "no console file " + ctx.path()));
        ctx.contentType(TYPES.get(extension)).result(bytes);
    }

    private static Optional<byte[]> read(String resource) {
        try (InputStream in = ConsoleRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console resource " + resource, e);
        }
    }

    private static String extension(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The WebJar's own pom.properties names its version, so upgrading uPlot is a one-line pom change. */
    private static String uplotVersion() {
        Properties properties = new Properties();
        try (InputStream in = ConsoleRoutes.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar (org.webjars.npm:uplot) is missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uPlot WebJar's version", e);
        }
        return properties.getProperty("version");
    }
}
