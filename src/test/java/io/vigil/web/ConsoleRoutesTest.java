package io.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsoleRoutesTest {
    static WebFixture web;
    static String viewerCookie;

    @BeforeAll
    static void start() throws Exception {
        web = new WebFixture();
        HttpResponse<String> login = web.post("/api/login", null, "application/json",
                "{\"user\":\"viewer\",\"password\":\"" + WebFixture.VIEWER_PASSWORD + "\"}");
        viewerCookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    private HttpResponse<String> get(String path, String cookie, String accept) throws Exception {
        HttpRequest.Builder b = web.request(path).GET();
        if (cookie != null) b.header("Cookie", cookie);
        if (accept != null) b.header("Accept", accept);
        return web.send(b.build());
    }

    @Test
    void loginPageAndOnlyItsAssetsArePublic() throws Exception {
        for (String asset : List.of("login.html", "login.js", "console.css", "logo.svg")) {
            HttpResponse<String> r = get("/console/" + asset, null, null);
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
        }
        assertThat(get("/console/login.html", null, null).headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/html"));
        for (String asset : List.of("/console/", "/console/app.js", "/console/api.js", "/console/pages/discover.js",
                "/console/vendor/uplot/uPlot.esm.js", "/console/API.md")) {
            assertThat(get(asset, null, null).statusCode()).as(asset).isEqualTo(401);
        }
    }

    @Test
    void pageLoadsWithoutSessionAreRedirectedToLoginNotChallenged() throws Exception {
        for (String page : List.of("/console/", "/console", "/console/index.html", "/")) {
            HttpResponse<String> r = get(page, null, "text/html,application/xhtml+xml");
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as(page).contains("/console/login.html");
            assertThat(r.headers().firstValue("WWW-Authenticate")).as(page).isEmpty();
        }
    }

    @Test
    void consoleApiCallsGet401WithoutABasicChallenge() throws Exception {
        HttpResponse<String> r = web.send(web.request("/api/me").header("X-Vigil-Console", "1").GET().build());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aSessionUnlocksTheConsoleAndUplotWithTheRightTypes() throws Exception {
        HttpResponse<String> index = get("/console/", viewerCookie, "text/html");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<script type=\"module\" src=\"/console/app.js\"></script>");
        HttpResponse<String> app = get("/console/pages/discover.js", viewerCookie, null);
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        HttpResponse<String> uplot = get("/console/vendor/uplot/uPlot.esm.js", viewerCookie, null);
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.body()).contains("export");
        assertThat(get("/console/vendor/uplot/uPlot.min.css", viewerCookie, null).statusCode()).isEqualTo(200);
        assertThat(get("/console/vendor/uplot/package.json", viewerCookie, null).statusCode()).isEqualTo(404);
    }

    @Test
    void pathsOutsideTheConsoleFolderOrOfUnknownTypeAre404() throws Exception {
        for (String path : List.of("/console/../db/migration/V1__accounts.sql", "/console/%2e%2e/db/migration/V1__accounts.sql",
                "/console/pages/../../io/vigil/generate/builtin-windows.ndjson", "/console/nothing.js",
                "/console/app.JS", "/console/.hidden.js", "/console/pages//discover.js")) {
            int status = get(path, viewerCookie, null).statusCode();
            assertThat(status).as(path).isIn(400, 404);
        }
    }

    @Test
    void everyConsoleFileIsServedWithTheStrictPolicy() throws Exception {
        HttpResponse<String> r = get("/console/app.js", viewerCookie, null);
        assertThat(r.headers().firstValue("Content-Security-Policy")).contains(WebServer.CONTENT_SECURITY_POLICY);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
}
