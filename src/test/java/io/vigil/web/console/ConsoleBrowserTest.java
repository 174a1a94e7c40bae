package io.vigil.web.console;

import static io.vigil.web.console.ConsoleFixture.hitsText;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Discover end to end in headless Chromium against a real in-process Vigil (Lucene store, real search):
 * log in, search, see syntax errors in place, brush the histogram, filter from the field sidebar, open a
 * document, export, cancel, save a search; the XSS corpus in values and field names never runs.
 * Screenshots go to target/screenshots/.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    static final String SEEDED = "event.dataset:" + TestEvents.DATASET;
    static ConsoleFixture fx;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        fx = ConsoleFixture.start();
        browser = fx.browser;
    }

    @AfterAll
    static void stop() throws Exception {
        if (fx != null) fx.close();
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefusedInPlaceAndTheRightOneOpensDiscover() throws Exception {
        browser.driver.get(fx.url(""));
        browser.waitVisible("#login-form");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/login.html");
        browser.find("#user").sendKeys("analyst");
        browser.find("#password").sendKeys("not the password", Keys.ENTER);
        browser.waitText("#login-error", "Wrong user name or password.");
        browser.screenshot("01-login");
        browser.find("#password").clear();
        fx.login("analyst", ConsoleTestServer.ANALYST_PASSWORD);
        assertThat(browser.find("#whoami").getText()).contains("analyst");
        long all = fx.normalLines.size() + ConsoleFixture.GENERATED + TestEvents.PAYLOADS.size();
        browser.waitText("#hit-count", hitsText(all));
        browser.screenshot("02-discover-all");
    }

    @Test
    @Order(2)
    void aQueryShowsItsHitsHistogramAndFieldsFromOneRequest() throws Exception {
        browser.script("performance.clearResourceTimings()");
        fx.search(SEEDED + " AND event.code:4625");
        long expected = fx.countNormal("\"code\":\"4625\"");
        browser.waitText("#hit-count", hitsText(expected));
        assertThat(browser.findAll("#hits tr.hit")).hasSize((int) Math.min(50, expected));
        assertThat(browser.findAll("#histogram canvas")).isNotEmpty();
        assertThat(browser.findAll("#field-list .field-item[data-field='host.name']")).hasSize(1);
        Object searches = browser.script("return performance.getEntriesByType('resource')"
                + ".filter(e => new URL(e.name).pathname === '/api/search').length");
        assertThat(((Number) searches).intValue()).as("hits, histogram and fields come from one /api/search").isEqualTo(1);
        browser.screenshot("03-discover-query");
    }

    @Test
    @Order(3)
    void aSyntaxErrorIsShownInPlaceWithItsPosition() throws Exception {
        fx.search("event.code:4625 AND");
        WebElement error = browser.waitVisible("#query-error");
        assertThat(error.getText()).containsIgnoringCase("end of query");
        List<String> caret = browser.find(".query-error-caret").getText().lines().toList();
        assertThat(caret).hasSize(2);
        assertThat(caret.get(1).indexOf('^')).isBetween(16, 19);
        browser.screenshot("04-query-error");
        fx.search("");
        assertThat(browser.find("#query-error").isDisplayed()).isFalse();
    }

    @Test
    @Order(4)
    void brushingTheHistogramZoomsIntoThatTimeRange() {
        fx.search("");
        long before = fx.hitCount();
        WebElement over = browser.waitVisible("#histogram .u-over");
        int width = over.getSize().getWidth();
        new Actions(browser.driver).moveToElement(over, -width / 2 + width / 4, 0).clickAndHold()
                .moveByOffset(width / 4, 0).release().perform();
        browser.wait.until(d -> d.getCurrentUrl().contains("from=20"));
        browser.wait.until(d -> !browser.find("#time-label").getText().equals("Last 24 hours"));
        browser.wait.until(d -> fx.hitCount() < before && fx.hitCount() > 0);
        assertThat(browser.find("#time-label").getText()).contains("→");
        browser.find("#time-button").click();
        browser.find("#time-panel button[data-from='now-24h']").click();
        browser.waitText("#hit-count", hitsText(before));
    }

    @Test
    @Order(5)
    void theFieldSidebarShowsTopValuesAndAddsAFilterOnClick() throws Exception {
        fx.search(SEEDED);
        browser.find("#field-list .field-item[data-field='host.name'] .field-name").click();
        browser.waitVisible("#field-list .top-value");
        WebElement first = browser.find("#field-list .top-value");
        String value = first.findElement(By.cssSelector(".top-value-text")).getText();
        long count = fx.countNormal("\"name\":\"" + value + "\"");
        assertThat(first.findElement(By.cssSelector(".top-value-count")).getText()).startsWith(String.format("%,d", count));
        first.findElement(By.cssSelector(".filter-for")).click();
        browser.waitText("#hit-count", hitsText(count));
        assertThat(browser.find("#filters .filter-pill").getText()).contains("host.name: " + value);
        browser.find("#field-list .field-item[data-field='host.name'] .field-column").click();
        browser.wait.until(d -> browser.findAll("#hits th").stream().anyMatch(th -> th.getText().contains("host.name")));
        assertThat(browser.findAll("#hits td.cell")).isNotEmpty().allSatisfy(td -> assertThat(td.getText()).isEqualTo(value));
        browser.screenshot("05-discover-filtered");
    }

    @Test
    @Order(6)
    void aDocumentOpensWithEveryField() throws Exception {
        browser.find("#hits tr.hit .row-toggle").click();
        browser.waitVisible(".doc-view");
        List<String> fields = browser.findAll(".doc-table tr[data-field]").stream().map(r -> r.getAttribute("data-field")).toList();
        assertThat(fields).contains("@timestamp", "host.name", "user.name", "event.code", "event.action", "source.ip", "message");
        browser.screenshot("06-discover-document");
        browser.findAll(".doc-view .tab").get(1).click();
        assertThat(browser.find(".doc-json").getText()).contains("\"source\"").contains("\"ip\"");
    }

    @Test
    @Order(7)
    void analystsExportCsvAndNdjson() throws Exception {
        long hits = fx.hitCount();
        browser.find("#export-csv").click();
        Path csv = fx.awaitDownload(".csv");
        assertThat(Files.readAllLines(csv)).hasSize((int) hits + 1);
        assertThat(Files.readAllLines(csv).get(0)).startsWith("_id,@timestamp,host.name");
        browser.find("#export-ndjson").click();
        Path ndjson = fx.awaitDownload(".ndjson");
        assertThat(Files.readAllLines(ndjson)).hasSize((int) hits).allSatisfy(l -> assertThat(l).startsWith("{\"_id\":"));
    }

    @Test
    @Order(8)
    void aLongSearchCanBeCancelled() {
        browser.find(".filter-remove").click();
        fx.search("");
        // Records the console's requests: the cancel must reach the server, naming the search it started.
        browser.script("""
                window.__requests = [];
                const original = window.fetch;
                window.fetch = (url, init) => {
                  const headers = (init && init.headers) || {};
                  window.__requests.push({method: (init && init.method) || 'GET', url: String(url),
                    id: headers['X-Vigil-Search-Id'] || null});
                  return original(url, init);
                };""");
        browser.latency(Duration.ofSeconds(5));    // every request now takes 5 s: the search is still running when cancelled
        try {
            WebElement input = browser.find("#query");
            input.clear();
            input.sendKeys("event.code:4624", Keys.ENTER);
            browser.waitText("#search-button", "Cancel");
            browser.find("#search-button").click();
            browser.waitText("#search-status", "Search cancelled.");
            assertThat(browser.find("#search-button").getText()).isEqualTo("Search");
        } finally {
            browser.latency(Duration.ZERO);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> requests = (List<Map<String, Object>>) browser.script("return window.__requests");
        Object searchId = requests.stream().filter(r -> r.get("url").equals("/api/search") && "POST".equals(r.get("method")))
                .reduce((a, b) -> b).orElseThrow().get("id");
        assertThat((String) searchId).as("the search carries an id").matches("[0-9a-f]{32}");
        assertThat(requests).as("the cancel reaches the server: " + requests)
                .anySatisfy(r -> assertThat(r).containsEntry("method", "DELETE").containsEntry("url", "/api/search/" + searchId));

        fx.search(SEEDED + " AND event.code:4625"); // the page stays usable: the next search runs and shows its hits
        assertThat(browser.find("#search-status").getText()).startsWith("took");
        assertThat(fx.hitCount()).isEqualTo(fx.countNormal("\"code\":\"4625\""));
    }

    @Test
    @Order(9)
    void aSavedSearchComesBack() {
        String query = SEEDED + " AND event.code:4624";
        fx.search(query);
        browser.find("#saved-button").click();
        browser.find("#save-name").sendKeys("logons");
        browser.find("#save-search").click();
        fx.search("something else");
        browser.find(".saved-load").click();
        browser.waitText("#hit-count", hitsText(fx.countNormal("\"code\":\"4624\"")));
        assertThat(browser.find("#query").getAttribute("value")).isEqualTo(query);
    }

    @Test
    @Order(10)
    void theXssCorpusInValuesAndFieldNamesIsShownAsTextAndNeverRuns() throws Exception {
        browser.driver.get(fx.url("#/discover?q=event.action:xss&cols=host.name,message,url.original"));
        browser.waitText("#hit-count", hitsText(TestEvents.PAYLOADS.size()));
        for (WebElement toggle : browser.findAll("#hits .row-toggle")) toggle.click();
        List<String> cells = browser.findAll("#hits td.cell").stream().map(WebElement::getText).toList();
        assertThat(cells).as("every payload shown as text").containsAll(TestEvents.PAYLOADS);
        assertThat(String.join("\n", cells)).contains("<script>alert('xss-script')</script>", "javascript:alert('xss-href-0')");
        assertThat(browser.findAll(".doc-table tr[data-field]").stream().map(r -> r.getAttribute("data-field")))
                .contains("<img src=x onerror=alert('xss-field-0')>");
        browser.find("#field-list .field-item[data-field='host.name'] .field-name").click();
        browser.waitVisible("#field-list .top-value");
        assertThat(browser.findAll("script")).hasSize(1);   // only app.js; no payload became a script element
        assertThat(browser.findAll("#hits img, #hits svg, #hits iframe, #field-list img")).isEmpty();
        browser.screenshot("07-discover-xss");
        fx.assertNothingRan();
        assertThat(fx.consoleProblems()).isEmpty();
    }
}
