package io.vigil.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;

/**
 * The console end to end in headless Chromium against a real Vigil web server: log in, search, see syntax
 * errors in place, brush the histogram, filter from the field sidebar, open a document, export, cancel, save
 * a search; the XSS corpus on every page never runs; a viewer gets no administration. Screenshots of every
 * page go to target/screenshots/. Run with {@code ./test -Pbrowser -DskipITs}.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    static ConsoleTestServer server;
    static Browser browser;
    static List<String> normalLines;
    static final List<LogEntry> CONSOLE = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = new ConsoleTestServer();
        long now = System.currentTimeMillis();
        normalLines = TestEvents.normal(400, now);
        List<String> all = new ArrayList<>(normalLines);
        all.addAll(TestEvents.xssCorpus(now));
        HttpResponse<String> ingested = server.post("/api/events", "ApiKey " + server.ingestToken, "[" + String.join(",", all) + "]");
        assertThat(ingested.statusCode()).as(ingested.body()).isBetween(200, 202);
        browser = new Browser();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static long countNormal(String needle) {
        return normalLines.stream().filter(l -> l.contains(needle)).count();
    }

    static String hitsText(long n) {
        return String.format("%,d", n) + (n == 1 ? " hit" : " hits");
    }

    void login(String user, String password) {
        browser.driver.get(server.baseUrl() + "/console/");
        browser.waitVisible("#login-form");
        browser.find("#user").clear();
        browser.find("#user").sendKeys(user);
        browser.find("#password").sendKeys(password, Keys.ENTER);
        browser.waitVisible("#hit-count");
        browser.wait.until(d -> browser.find("#hit-count").getText().endsWith("hits"));
    }

    void search(String query) {
        WebElement input = browser.find("#query");
        input.clear();
        input.sendKeys(query, Keys.ENTER);
        browser.wait.until(d -> browser.find("#search-button").getText().equals("Search")
                && !browser.find("#search-status").getText().startsWith("Searching"));
    }

    void assertNothingRan() {
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.script("return window.__xss === undefined && parent.__xss === undefined")).isEqualTo(true);
        CONSOLE.addAll(browser.consoleLog());
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefusedInPlaceAndTheRightOneOpensDiscover() throws Exception {
        browser.driver.get(server.baseUrl() + "/console/");
        browser.waitVisible("#login-form");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/login.html");
        browser.find("#user").sendKeys("analyst");
        browser.find("#password").sendKeys("not the password", Keys.ENTER);
        browser.waitText("#login-error", "Wrong user name or password.");
        browser.screenshot("01-login");
        browser.find("#password").clear();
        login("analyst", ConsoleTestServer.ANALYST_PASSWORD);
        assertThat(browser.find("#whoami").getText()).contains("analyst");
    }

    @Test
    @Order(2)
    void aQueryShowsItsHitsHistogramAndFields() throws Exception {
        search("event.code:4625");
        long expected = countNormal("\"code\":\"4625\"");
        browser.waitText("#hit-count", hitsText(expected));
        assertThat(browser.findAll("#hits tr.hit")).hasSize((int) Math.min(50, expected));
        assertThat(browser.findAll("#histogram canvas")).isNotEmpty();
        assertThat(browser.findAll("#field-list .field-item[data-field='host.name']")).hasSize(1);
        browser.screenshot("02-discover");
    }

    @Test
    @Order(3)
    void aSyntaxErrorIsShownInPlaceWithItsPosition() throws Exception {
        search("event.code:4625 AND");
        WebElement error = browser.waitVisible("#query-error");
        assertThat(error.getText()).containsIgnoringCase("end of query");
        String caret = browser.find(".query-error-caret").getText();
        assertThat(caret.lines().toList()).hasSize(2);
        assertThat(caret.lines().toList().get(1).indexOf('^')).isBetween(16, 19);
        browser.screenshot("03-query-error");
        search("");
        assertThat(browser.find("#query-error").isDisplayed()).isFalse();
    }

    @Test
    @Order(4)
    void brushingTheHistogramZoomsIntoThatTimeRange() {
        search("");
        long before = Long.parseLong(browser.find("#hit-count").getText().replaceAll("\\D", ""));
        WebElement over = browser.waitVisible("#histogram .u-over");
        int width = over.getSize().getWidth();
        new Actions(browser.driver).moveToElement(over, -width / 2 + width / 4, 0).clickAndHold()
                .moveByOffset(width / 4, 0).release().perform();
        browser.wait.until(d -> d.getCurrentUrl().contains("from=20"));
        browser.wait.until(d -> !browser.find("#time-label").getText().equals("Last 24 hours"));
        browser.wait.until(d -> Long.parseLong(browser.find("#hit-count").getText().replaceAll("\\D", "")) < before);
        assertThat(browser.find("#time-label").getText()).contains("→");
        browser.find("#time-button").click();
        browser.find("#time-panel button[data-from='now-24h']").click();
        browser.waitText("#hit-count", hitsText(before));
    }

    @Test
    @Order(5)
    void theFieldSidebarShowsTopValuesAndAddsAFilterOnClick() throws Exception {
        search("NOT event.action:xss");
        browser.find("#field-list .field-item[data-field='host.name'] .field-name").click();
        browser.waitVisible("#field-list .top-value");
        WebElement first = browser.find("#field-list .top-value");
        String value = first.findElement(org.openqa.selenium.By.cssSelector(".top-value-text")).getText();
        long count = countNormal("\"name\":\"" + value + "\"");
        assertThat(first.findElement(org.openqa.selenium.By.cssSelector(".top-value-count")).getText())
                .startsWith(String.format("%,d", count));
        first.findElement(org.openqa.selenium.By.cssSelector(".filter-for")).click();
        browser.waitText("#hit-count", hitsText(count));
        assertThat(browser.find("#filters .filter-pill").getText()).contains("host.name: " + value);
        browser.find("#field-list .field-item[data-field='host.name'] .field-column").click();
        browser.wait.until(d -> browser.findAll("#hits th").stream().anyMatch(th -> th.getText().contains("host.name")));
        assertThat(browser.findAll("#hits td.cell")).isNotEmpty().allSatisfy(td -> assertThat(td.getText()).isEqualTo(value));
        browser.screenshot("04-filtered");
    }

    @Test
    @Order(6)
    void aDocumentOpensWithEveryField() throws Exception {
        browser.find("#hits tr.hit .row-toggle").click();
        browser.waitVisible(".doc-view");
        List<String> fields = browser.findAll(".doc-table tr[data-field]").stream().map(r -> r.getAttribute("data-field")).toList();
        assertThat(fields).contains("@timestamp", "host.name", "user.name", "event.code", "event.action", "source.ip", "message");
        browser.screenshot("05-document");
        browser.findAll(".doc-view .tab").get(1).click();
        assertThat(browser.find(".doc-json").getText()).contains("\"source\"").contains("\"ip\"");
    }

    @Test
    @Order(7)
    void analystsExportCsvAndNdjson() throws Exception {
        long hits = Long.parseLong(browser.find("#hit-count").getText().replaceAll("\\D", ""));
        browser.find("#export-csv").click();
        Path csv = awaitDownload(".csv");
        assertThat(Files.readAllLines(csv)).hasSize((int) hits + 1);
        assertThat(Files.readAllLines(csv).get(0)).startsWith("_id,@timestamp,host.name");
        browser.find("#export-ndjson").click();
        Path ndjson = awaitDownload(".ndjson");
        assertThat(Files.readAllLines(ndjson)).hasSize((int) hits).allSatisfy(l -> assertThat(l).startsWith("{\"_id\":"));
    }

    private Path awaitDownload(String suffix) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(browser.downloads)) {
                var found = files.filter(p -> p.toString().endsWith(suffix)).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + suffix + " file was downloaded into " + browser.downloads);
    }

    @Test
    @Order(8)
    void aLongSearchCanBeCancelled() {
        browser.find(".filter-remove").click();
        search("");
        WebElement input = browser.find("#query");
        input.clear();
        input.sendKeys(ConsoleTestServer.SLOW_MARKER, Keys.ENTER);
        browser.waitText("#search-button", "Cancel");
        browser.find("#search-button").click();
        browser.waitText("#search-status", "Search cancelled.");
        assertThat(browser.find("#search-button").getText()).isEqualTo("Search");
    }

    @Test
    @Order(9)
    void aSavedSearchComesBack() {
        search("event.code:4624");
        browser.find("#saved-button").click();
        browser.find("#save-name").sendKeys("logons");
        browser.find("#save-search").click();
        search("something else");
        browser.find(".saved-load").click();
        browser.waitText("#hit-count", hitsText(countNormal("\"code\":\"4624\"")));
        assertThat(browser.find("#query").getAttribute("value")).isEqualTo("event.code:4624");
    }

    @Test
    @Order(10)
    void theXssCorpusIsShownAsTextAndNeverRunsOnAnyPage() throws Exception {
        browser.driver.get(server.baseUrl() + "/console/#/discover?q=event.action:xss&cols=host.name,message,url.original");
        browser.waitText("#hit-count", hitsText(TestEvents.PAYLOADS.size()));
        for (WebElement toggle : browser.findAll("#hits .row-toggle")) {
            toggle.click();
        }
        List<String> cells = browser.findAll("#hits td.cell").stream().map(WebElement::getText).toList();
        for (String payload : TestEvents.PAYLOADS) {
            assertThat(cells).as("payload shown as text").contains(payload);
        }
        assertThat(String.join("\n", cells)).contains("<script>alert('xss-script')</script>", "javascript:alert('xss-href-0')");
        assertThat(browser.findAll(".doc-table tr[data-field]").stream().map(r -> r.getAttribute("data-field")))
                .contains("<img src=x onerror=alert('xss-field-0')>");
        browser.find("#field-list .field-item[data-field='host.name'] .field-name").click();
        browser.waitVisible("#field-list .top-value");
        assertThat(browser.findAll("script")).hasSize(1);   // only app.js; no payload became a script element
        assertThat(browser.findAll("#hits img, #hits svg, #hits iframe, #field-list img")).isEmpty();
        browser.screenshot("06-xss-discover");
        assertNothingRan();
        for (String page : List.of("alerts", "incidents", "incidents/inc-1", "rules", "sources")) {
            browser.driver.get(server.baseUrl() + "/console/#/" + page);
            browser.wait.until(d -> !browser.findAll("#page table, #page .notice, #page .timeline").isEmpty());
            browser.wait.until(d -> browser.find("#page").getText().contains("onerror"));
            assertThat(browser.findAll("#page img, #page svg, #page iframe")).isEmpty();
            browser.screenshot("07-" + page.replace('/', '-'));
            assertNothingRan();
        }
        List<String> problems = CONSOLE.stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused") || m.contains("Uncaught")).toList();
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(11)
    void analystsAcknowledgeAlertsAndToggleRules() {
        browser.driver.get(server.baseUrl() + "/console/#/alerts");
        browser.waitVisible("#alert-list tr[data-id='a-1']");
        browser.find("#alert-list tr[data-id='a-1'] button").click();
        browser.wait.until(d -> browser.find("#alert-list tr[data-id='a-1']").getText().contains("acknowledged"));
        browser.driver.get(server.baseUrl() + "/console/#/rules");
        browser.waitVisible("#rule-list tr[data-id='r-2']");
        assertThat(browser.find("#attack-matrix [data-tactic='credential_access']").getText()).contains("T1110");
        browser.find("#rule-list tr[data-id='r-2'] button.button").click();
        browser.wait.until(d -> browser.find("#rule-list tr[data-id='r-2']").getText().contains("enabled"));
        browser.wait.until(d -> browser.find("#attack-matrix [data-tactic='execution']").getText().contains("T1059.001"));
    }

    @Test
    @Order(12)
    void adminsManageTokensAndSeeTheAuditLogAsText() throws Exception {
        browser.find("#logout").click();
        browser.waitVisible("#login-form");
        login("admin", ConsoleTestServer.ADMIN_PASSWORD);
        browser.find("#nav-admin").click();
        browser.waitVisible("#admin-tokens table");
        browser.wait.until(d -> browser.find("#admin-audit").getText().contains("onerror"));
        browser.find("#token-name").sendKeys("<b>winlogbeat</b>");
        browser.find("#admin-tokens button[type='submit']").click();
        browser.waitVisible("#token-secret");
        assertThat(browser.find("#token-secret").getText()).startsWith("vgl_");
        browser.wait.until(d -> browser.find("#admin-tokens").getText().contains("<b>winlogbeat</b>"));
        browser.screenshot("07-admin");
        assertNothingRan();
    }

    @Test
    @Order(13)
    void aViewerSeesNoAdministrationAndCannotExport() throws Exception {
        browser.find("#logout").click();
        browser.waitVisible("#login-form");
        login("viewer", ConsoleTestServer.VIEWER_PASSWORD);
        assertThat(browser.findAll("#nav-admin")).isEmpty();
        assertThat(browser.find("#export-csv").isEnabled()).isFalse();
        browser.driver.get(server.baseUrl() + "/console/#/admin");
        browser.waitText("#page", "Not allowed");
        Object status = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[0]; fetch('/api/tokens', {headers: {'X-Vigil-Console': '1'}}).then(r => done(r.status));");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        browser.screenshot("08-viewer-admin-denied");
        assertNothingRan();
    }
}
