package io.vigil.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

/**
 * One real Vigil and one headless Chromium for a browser test class: 400 seeded logon events and 3,000
 * generated ones through {@code _bulk}, the XSS corpus through {@code /api/events} with an ingest token,
 * then {@code _refresh} and a wait until the test rules' alerts are raised. Helpers to log in, search and
 * check that no payload ever ran.
 */
final class ConsoleFixture implements AutoCloseable {
    static final int GENERATED = 3000;
    final ConsoleTestServer server;
    final Browser browser;
    final List<String> normalLines;
    /** Browser console messages collected by {@link #assertNothingRan}. */
    final List<LogEntry> console = new ArrayList<>();

    private ConsoleFixture(ConsoleTestServer server, List<String> normalLines, Browser browser) {
        this.server = server;
        this.normalLines = normalLines;
        this.browser = browser;
    }

    static ConsoleFixture start() throws Exception {
        ConsoleTestServer server = new ConsoleTestServer();
        try {
            long now = System.currentTimeMillis();
            List<String> normal = TestEvents.normal(400, now);
            server.bulk(normal);
            server.bulk(TestEvents.generated(GENERATED, now));
            HttpResponse<String> xss = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/events"))
                    .header("Authorization", "ApiKey " + server.ingestToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", TestEvents.xssCorpus(now)) + "]")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(xss.statusCode()).as(xss.body()).isBetween(200, 202);
            server.refresh();
            awaitAlerts(server, TestRules.SCRIPT_URL_ID, TestEvents.PAYLOADS.size());
            return new ConsoleFixture(server, normal, new Browser());
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    private static void awaitAlerts(ConsoleTestServer server, String ruleId, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long found = 0;
        while (System.nanoTime() < deadline) {
            JsonNode alerts = server.admin.get("/api/alerts").json().get("alerts");
            found = 0;
            for (JsonNode a : alerts) found += a.get("rule_id").asText().equals(ruleId) ? 1 : 0;
            if (found >= expected) return;
            Thread.sleep(200);
        }
        throw new AssertionError("rule " + ruleId + " raised " + found + " alerts, expected " + expected);
    }

    /** Polls {@code /api/incidents?query} until {@code accept} holds for its list, then returns that list. */
    JsonNode awaitIncidents(String query, Predicate<JsonNode> accept) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode incidents = null;
        while (System.nanoTime() < deadline) {
            incidents = server.admin.get("/api/incidents" + query).json().get("incidents");
            if (accept.test(incidents)) return incidents;
            Thread.sleep(200);
        }
        throw new AssertionError("/api/incidents" + query + " never became what the test waits for: " + incidents);
    }

    /** GET {@code path} from inside the page, with the browser's session: status, headers and text. */
    @SuppressWarnings("unchecked")
    Map<String, Object> fetchInPage(String path) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(async r => done({status: r.status,
                  type: r.headers.get('Content-Type'), csp: r.headers.get('Content-Security-Policy'),
                  disposition: r.headers.get('Content-Disposition'), text: await r.text()}));""", path);
    }

    String url(String consolePath) {
        return server.baseUrl() + "/console/" + consolePath;
    }

    /** Seeded events containing {@code needle} in their JSON. */
    long countNormal(String... needles) {
        return normalLines.stream().filter(l -> Stream.of(needles).allMatch(l::contains)).count();
    }

    static String hitsText(long n) {
        return String.format("%,d", n) + (n == 1 ? " hit" : " hits");
    }

    long hitCount() {
        return Long.parseLong(browser.find("#hit-count").getText().replaceAll("\\D", ""));
    }

    void login(String user, String password) {
        browser.driver.get(url(""));
        browser.waitVisible("#login-form");
        browser.find("#user").clear();
        browser.find("#user").sendKeys(user);
        browser.find("#password").sendKeys(password, Keys.ENTER);
        browser.waitVisible("#hit-count");
        browser.wait.until(d -> browser.find("#hit-count").getText().endsWith("hits"));
    }

    void logout() {
        browser.find("#logout").click();
        browser.waitVisible("#login-form");
    }

    void search(String query) {
        WebElement input = browser.find("#query");
        input.clear();
        input.sendKeys(query, Keys.ENTER);
        browser.wait.until(d -> browser.find("#search-button").getText().equals("Search")
                && !browser.find("#search-status").getText().startsWith("Searching"));
    }

    /** No dialog opened, no payload set window.__xss; keeps the console messages for {@link #consoleProblems}. */
    void assertNothingRan() {
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.script("return window.__xss === undefined && parent.__xss === undefined")).isEqualTo(true);
        console.addAll(browser.consoleLog());
    }

    /** CSP violations, refused loads and uncaught errors seen so far (404s of absent APIs are expected). */
    List<String> consoleProblems() {
        console.addAll(browser.consoleLog());
        return console.stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused") || m.contains("Uncaught")
                        || m.contains("TypeError") || m.contains("SyntaxError"))
                .toList();
    }

    Path awaitDownload(String suffix) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(browser.downloads)) {
                var found = files.filter(p -> p.toString().endsWith(suffix)).findFirst();
                if (found.isPresent()) return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + suffix + " file was downloaded into " + browser.downloads);
    }

    @Override
    public void close() throws Exception {
        try {
            browser.close();
        } finally {
            server.close();
        }
    }
}
