package io.vigil.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.util.ArrayList;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's stage pages in headless Chromium against a real in-process Vigil: alerts raised by the
 * test rules from ingested events (acknowledged, then followed to their events in Discover), rules (load
 * problems, ATT&CK coverage, enable/disable, file text, testing a rule on stored events), incidents opened
 * from those alerts (filters, status moves, comments, assignment, a refused move, a containment action with
 * approval, report downloads), sources (rates, failures, a silent source), administration, and what a
 * viewer may not do. A page whose API answers 404 says so.
 * Hostile text from events, rule titles and file names never runs on any page.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePagesBrowserTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static ConsoleFixture fx;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        fx = ConsoleFixture.start();
        browser = fx.browser;
        fx.login("analyst", ConsoleTestServer.ANALYST_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (fx != null) fx.close();
    }

    void open(String page) {
        browser.driver.get(fx.url("#/" + page));
    }

    String row(String id) {
        return "#rule-list tr[data-id='" + id + "']";
    }

    @Test
    @Order(1)
    void anAnalystAcknowledgesAnAlertRaisedFromIngestedEventsAndOpensItsEvents() throws Exception {
        open("alerts");
        browser.waitVisible("#alert-list tr[data-status='new']");
        assertThat(browser.find("#alert-list").getText()).contains("<img src=x onerror=alert('xss-rule')>")
                .contains(TestEvents.PAYLOADS.get(1));
        browser.screenshot("10-alerts");
        fx.assertNothingRan();
        JsonNode alert = fx.server.admin.get("/api/alerts?status=new").json().get("alerts").get(0);
        String css = "#alert-list tr[data-id='" + alert.get("id").asText() + "']";
        browser.find(css + " .alert-acknowledge").click();
        browser.wait.until(d -> "acknowledged".equals(browser.find(css).getAttribute("data-status")));
        assertThat(fx.server.admin.get("/api/alerts/" + alert.get("id").asText()).json().get("status").asText())
                .isEqualTo("acknowledged");
        assertThat(browser.find(css + " .alert-acknowledge").isEnabled()).isFalse();
        String eventId = alert.get("event_ids").get(0).asText();
        browser.find(css + " .alert-events").click();
        browser.waitText("#hit-count", ConsoleFixture.hitsText(1));
        assertThat(browser.find("#query").getAttribute("value")).isEqualTo("_id:" + eventId);
        assertThat(browser.findAll("#hits tr.hit[data-id='" + eventId + "']")).hasSize(1);
        browser.screenshot("11-alert-events");
        fx.assertNothingRan();
    }

    @Test
    @Order(2)
    void theRulesPageShowsLoadProblemsCoverageAndTogglesARule() throws Exception {
        open("rules");
        browser.waitVisible(row(TestRules.POWERSHELL_ID));
        String problem = browser.find("#rule-problems .problem").getText();
        assertThat(problem).contains(TestRules.BROKEN_FILE).containsPattern("\\.yml:\\d+: ").contains("missing_selection");
        assertThat(browser.find(row(TestRules.BROKEN_ID) + " .rule-state").getText()).isEqualTo("not running");
        assertThat(browser.find(row(TestRules.SCRIPT_URL_ID) + " .rule-state").getText()).isEqualTo("enabled");
        assertThat(browser.find("#attack-matrix [data-tactic='initial_access']").getText()).contains("T1189");
        assertThat(browser.find("#attack-matrix [data-tactic='credential_access']").getText()).contains("T1110");
        assertThat(browser.find("#attack-matrix [data-tactic='execution']").getText()).contains("T1059.001");
        assertThat(browser.find(row(TestRules.POWERSHELL_ID)).getText()).contains("windows / process_creation", "encoded-powershell.yml:1");
        browser.screenshot("12-rules");
        fx.assertNothingRan();
        browser.find(row(TestRules.POWERSHELL_ID) + " .rule-toggle").click();
        browser.wait.until(d -> browser.find(row(TestRules.POWERSHELL_ID)).getText().contains("disabled"));
        assertThat(browser.find("#attack-matrix [data-tactic='execution']").getText()).contains("no coverage");
        assertThat(fx.server.vigil.rules().engine().rules().size()).isEqualTo(2);
        browser.find(row(TestRules.POWERSHELL_ID) + " .rule-toggle").click();
        browser.wait.until(d -> browser.find("#attack-matrix [data-tactic='execution']").getText().contains("T1059.001"));
    }

    @Test
    @Order(3)
    void aRulesFileTextOpensUnderItsRow() throws Exception {
        browser.find(row(TestRules.SCRIPT_URL_ID) + " .rule-title").click();
        browser.wait.until(d -> browser.find(".rule-source-row:not([hidden]) .rule-source").getText().contains("url.original|startswith"));
        assertThat(browser.find(".rule-source-row:not([hidden])").getText()).contains("Bookmarklets <b>pasted</b> by users")
                .contains("title: Script URL in an event <img src=x onerror=alert('xss-rule')>");
        browser.screenshot("13-rule-text");
        fx.assertNothingRan();
    }

    @Test
    @Order(4)
    void aRuleIsTestedAgainstRecentEventsAndAnInvalidOneShowsItsLine() throws Exception {
        WebElement source = browser.find("#rule-test-source");
        setValue(source, TestRules.SVC_LOGON.replace("    host.name: dc-01\n", ""));
        browser.find("#rule-test-run").click();
        long expected = fx.countNormal("\"name\":\"svc_backup\"", "logon-failed");
        browser.waitText("#rule-test-summary", String.format("%,d matching events", expected));
        assertThat(browser.findAll("#rule-test-result .rule-test-match")).hasSize((int) Math.min(50, expected));
        long stored = fx.normalLines.size() + ConsoleFixture.GENERATED + TestEvents.PAYLOADS.size();
        assertThat(browser.find("#rule-test-summary").getText()).as("every stored event scanned, across pages of 1,000")
                .contains(String.format("of %,d scanned", stored));
        browser.script("arguments[0].scrollIntoView()", browser.find("#rule-test-result"));
        browser.screenshot("14-rule-test");
        setValue(source, TestRules.SVC_LOGON.replace("condition: selection", "condition: selection and nowhere"));
        browser.find("#rule-test-run").click();
        browser.waitText("#rule-test-result", "The rule is not valid");
        assertThat(browser.find("#rule-test-result").getText()).containsPattern("line \\d+").contains("nowhere");
        browser.script("arguments[0].scrollIntoView()", browser.find("#rule-test-result"));
        browser.screenshot("15-rule-test-invalid");
    }

    private void setValue(WebElement textarea, String text) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]", textarea, text);
    }

    @Test
    @Order(5)
    void incidentsOpenedFromTheRulesAlertsAreListedAndFiltered() throws Exception {
        JsonNode all = fx.awaitIncidents("", list -> count(list, "Script URL") == TestEvents.PAYLOADS.size()
                && count(list, "Failed logon") > 0);
        open("incidents");
        browser.waitVisible("#incident-list table");
        assertThat(browser.findAll("#incident-list tbody tr")).hasSize(all.size());
        assertThat(browser.find("#incident-list").getText()).contains(TestEvents.PAYLOADS.get(1), "<img src=x onerror=alert('xss-rule')>");
        browser.screenshot("16-incidents");
        fx.assertNothingRan();
        new Select(browser.find("#incident-filter-severity")).selectByValue("medium");
        browser.find("#incident-filter-host").sendKeys("dc-01");
        browser.find("#incident-filter-apply").click();
        int expected = fx.server.admin.get("/api/incidents?severity=medium&host=dc-01").json().get("incidents").size();
        assertThat(expected).isPositive().isLessThan(all.size());
        browser.wait.until(d -> browser.findAll("#incident-list tbody tr").size() == expected);
        assertThat(browser.findAll("#incident-list tbody tr")).allSatisfy(r -> assertThat(r.getAttribute("data-severity")).isEqualTo("medium"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/incidents?severity=medium&host=dc-01");
        new Select(browser.find("#incident-filter-status")).selectByValue("closed");
        browser.find("#incident-filter-apply").click();
        browser.waitText("#incident-list", "No incidents match");
    }

    private static long count(JsonNode incidents, String titlePrefix) {
        long n = 0;
        for (JsonNode i : incidents) n += i.get("title").asText().startsWith(titlePrefix) ? 1 : 0;
        return n;
    }

    @Test
    @Order(6)
    void anAnalystChangesAnIncidentsStatusAndComments() throws Exception {
        String host = TestEvents.PAYLOADS.get(0);
        String id = fx.awaitIncidents("?host=" + URLEncoder.encode(host, UTF_8), list -> list.size() == 1).get(0).get("id").asText();
        JsonNode before = fx.server.admin.get("/api/incidents/" + id).json();
        open("incidents/" + id);
        browser.waitVisible("#incident-status");
        assertThat(browser.find("#incident-title").getText()).isEqualTo(before.get("title").asText()).contains(host);
        assertThat(browser.find("#incident-hosts").getText()).contains(host);
        assertThat(options("#incident-status")).containsExactly("triaged", "false_positive");
        String alertId = before.get("alerts").get(0).get("id").asText();
        assertThat(browser.find("#incident-alerts tr[data-id='" + alertId + "'] a").getAttribute("href")).endsWith("#/alerts?id=" + alertId);
        List<String> eventIds = new ArrayList<>();
        before.get("timeline").forEach(e -> {
            if (e.get("kind").asText().equals("event")) e.get("refs").forEach(r -> eventIds.add(r.asText()));
        });
        assertThat(eventIds).hasSize(1);
        assertThat(queryOf(browser.find("#incident-events").getAttribute("href"))).isEqualTo("_id:" + eventIds.get(0));

        new Select(browser.find("#incident-status")).selectByValue("triaged");
        browser.find("#incident-note").sendKeys("seen <i>before</i>");
        browser.find("#incident-move").click();
        browser.wait.until(d -> browser.find("#incident-status-badge").getText().equals("triaged"));
        assertThat(options("#incident-status")).containsExactly("contained", "false_positive");
        String comment = "Looked at <b>it</b> <img src=x onerror=alert('xss-comment')>";
        browser.find("#incident-comment").sendKeys(comment);
        browser.find("#incident-comment-add").click();
        browser.waitText("#incident-comment-list", comment);
        browser.find("#incident-assignee").sendKeys("analyst");
        browser.find("#incident-assign").click();
        browser.waitText("#incident-timeline", "assigned to analyst");
        JsonNode after = fx.server.admin.get("/api/incidents/" + id).json();
        assertThat(after.get("status").asText()).isEqualTo("triaged");
        assertThat(after.get("assignee").asText()).isEqualTo("analyst");
        assertThat(texts(after, "comment")).containsExactly(comment);
        assertThat(texts(after, "status")).containsExactly("status new → triaged: seen <i>before</i>");
        assertThat(browser.find("#incident-timeline").getText()).contains("status new → triaged: seen <i>before</i>", comment);
        browser.screenshot("17-incident");
        fx.assertNothingRan();

        browser.find("#report-html").click();
        String html = Files.readString(fx.awaitDownload(".html"));
        assertThat(html).contains("Looked at &lt;b&gt;it&lt;/b&gt;", "&lt;script&gt;").doesNotContain(comment, host);
        Map<String, Object> report = fx.fetchInPage("/api/incidents/" + id + "/report?format=html");
        assertThat(report).containsEntry("status", 200L);
        assertThat((String) report.get("type")).startsWith("text/html");
        assertThat((String) report.get("csp")).contains("default-src 'none'");
        assertThat((String) report.get("disposition")).contains("attachment", "incident-" + id + ".html");
        Map<String, Object> stix = fx.fetchInPage(browser.find("#report-stix").getAttribute("href"));
        assertThat((String) stix.get("type")).startsWith("application/stix+json");
        assertThat(JSON.readTree((String) stix.get("text")).get("type").asText()).isEqualTo("bundle");
        assertThat((String) fx.fetchInPage(browser.find("#report-pdf").getAttribute("href")).get("text")).startsWith("%PDF");
        browser.find("#incident-alerts tr[data-id='" + alertId + "'] a").click();
        browser.waitVisible("#alert-only");
        assertThat(browser.findAll("#alert-list tbody tr")).hasSize(1).allSatisfy(r -> assertThat(r.getAttribute("data-id")).isEqualTo(alertId));
        fx.assertNothingRan();
    }

    @Test
    @Order(7)
    void aMoveRefusedBecauseSomeoneElseMovedTheIncidentShowsTheAllowedMoves() throws Exception {
        String id = fx.awaitIncidents("?host=dc-01&status=new", list -> list.size() > 0).get(0).get("id").asText();
        open("incidents/" + id);
        browser.waitVisible("#incident-status");
        for (String next : List.of("triaged", "contained")) {
            assertThat(fx.server.admin.post("/api/incidents/" + id + "/status", "application/json",
                    "{\"status\":\"" + next + "\"}").status()).isEqualTo(200);
        }
        new Select(browser.find("#incident-status")).selectByValue("triaged");   // what this stale page still offers
        browser.find("#incident-move").click();
        browser.waitText("#incident-message", "Moves allowed now: eradicated.");
        assertThat(browser.find("#incident-message").getText()).contains("The move was refused", "contained cannot move to triaged");
        browser.wait.until(d -> browser.find("#incident-status-badge").getText().equals("contained"));
        assertThat(options("#incident-status")).containsExactly("eradicated");
        assertThat(browser.find("#incident-times [data-key='ttc']").getText()).matches("\\d+ (s|min).*");
        browser.screenshot("18-incident-refused-move");
    }

    @Test
    @Order(8)
    void aContainmentActionNeedsAnotherAnalystsApprovalAndThenReachesTheEdr() throws Exception {
        String host = TestEvents.PAYLOADS.get(0);
        String id = fx.awaitIncidents("?host=" + URLEncoder.encode(host, UTF_8), list -> list.size() == 1).get(0).get("id").asText();
        open("incidents/" + id);
        browser.waitVisible("#incident-action-name").sendKeys("isolate");
        browser.find("#incident-action-request").click();
        browser.waitText("#incident-message", "no action named 'isolate'");
        assertThat(browser.find("#incident-message").getText()).contains(ConsoleTestServer.ISOLATE_ACTION);
        browser.find("#incident-action-name").clear();
        browser.find("#incident-action-name").sendKeys(ConsoleTestServer.ISOLATE_ACTION);
        browser.find("#incident-action-request").click();
        browser.waitVisible("#incident-actions .action-card[data-state='pending_approval']");
        WebElement approve = browser.find("#incident-actions .action-card[data-state='pending_approval'] .action-approve");
        assertThat(approve.isEnabled()).as("the requester may not approve their own action").isFalse();
        String actionId = browser.find("#incident-actions .action-card[data-state='pending_approval']").getAttribute("data-id");
        assertThat(fx.server.admin.post("/api/incidents/" + id + "/actions/" + actionId + "/approve", "application/json", "{}").status())
                .isEqualTo(202);
        browser.wait.until(d -> actionState(id, actionId).equals("succeeded"));
        browser.driver.navigate().refresh();
        browser.waitVisible("#incident-actions .action-card[data-state='succeeded']");
        assertThat(browser.find("#incident-actions .action-card[data-id='" + actionId + "']").getText()).contains("approved by admin", "1 attempt");
        assertThat(fx.server.edrRequests).hasSize(1);
        assertThat(browser.find("#incident-timeline").getText()).contains("action isolate-host (webhook) succeeded");
        browser.script("arguments[0].scrollIntoView()", browser.find("#incident-actions"));
        browser.screenshot("19-incident-actions");
        fx.assertNothingRan();
    }

    @Test
    @Order(9)
    void aPageWhoseApiAnswers404SaysItIsNotAvailable() throws Exception {
        open("alerts");
        browser.waitVisible("#alert-list");
        // as on a server without that stage: the console's calls to /api/sources reach a route that does not exist
        browser.script("""
                const real = window.fetch;
                window.fetch = (url, options) => real(String(url).replace('/api/sources', '/api/no-such-stage'), options);
                location.hash = '#/sources';""");
        browser.waitText("#page .notice", "is not available on this server yet");
        assertThat(fx.fetchInPage("/api/no-such-stage")).containsEntry("status", 404L);
        assertThat(browser.find("#page .notice").getText()).contains("GET /api/sources answered 404");
        browser.driver.navigate().refresh();
    }

    private static String actionState(String incidentId, String actionId) {
        try {
            for (JsonNode a : fx.server.admin.get("/api/incidents/" + incidentId).json().get("actions")) {
                if (a.get("id").asText().equals(actionId)) return a.get("state").asText();
            }
            return "absent";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> options(String select) {
        return new Select(browser.find(select)).getOptions().stream().map(o -> o.getAttribute("value")).toList();
    }

    private static List<String> texts(JsonNode incident, String kind) {
        List<String> out = new ArrayList<>();
        incident.get("timeline").forEach(e -> {
            if (e.get("kind").asText().equals(kind)) out.add(e.get("text").asText());
        });
        return out;
    }

    /** The Discover query in a console link such as {@code #/discover?q=...&from=...}. */
    private static String queryOf(String href) {
        String params = href.substring(href.indexOf('?') + 1);
        for (String pair : params.split("&")) {
            if (pair.startsWith("q=")) return URLDecoder.decode(pair.substring(2), UTF_8);
        }
        throw new AssertionError("no q= in " + href);
    }

    @Test
    @Order(10)
    void adminsManageTokensAndSeeUsersAndTheAuditOfAnalystActions() throws Exception {
        fx.logout();
        fx.login("admin", ConsoleTestServer.ADMIN_PASSWORD);
        browser.find("#nav-admin").click();
        browser.waitVisible("#admin-tokens table");
        browser.find("#token-name").sendKeys("<b>winlogbeat</b>");
        browser.find("#admin-tokens button[type='submit']").click();
        browser.waitVisible("#token-secret");
        assertThat(browser.find("#token-secret").getText()).startsWith("vgl_");
        browser.wait.until(d -> browser.find("#admin-tokens").getText().contains("<b>winlogbeat</b>"));
        browser.wait.until(d -> !browser.findAll("#admin-users tr[data-user='viewer']").isEmpty());
        assertThat(browser.find("#admin-users").getText()).contains("analyst", "viewer", "shipper");
        browser.driver.navigate().refresh();              // the audit table is read when the page opens
        browser.wait.until(d -> browser.find("#admin-audit").getText().contains("alert.update"));
        assertThat(browser.find("#admin-audit").getText()).contains("rule.change", "status=acknowledged");
        browser.screenshot("20-admin");
        fx.assertNothingRan();
    }

    @Test
    @Order(11)
    void aViewerSeesNoAdministrationAndCannotChangeAnything() throws Exception {
        fx.logout();
        fx.login("viewer", ConsoleTestServer.VIEWER_PASSWORD);
        assertThat(browser.findAll("#nav-admin")).isEmpty();
        assertThat(browser.find("#export-csv").isEnabled()).isFalse();
        open("admin");
        browser.waitText("#page", "Not allowed");
        Object status = ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[0]; fetch('/api/tokens', {headers: {'X-Vigil-Console': '1'}}).then(r => done(r.status));");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        browser.screenshot("21-viewer-admin-denied");
        open("discover?q=" + ConsoleBrowserTest.SEEDED + "&cols=user.name");
        browser.waitText("#hit-count", ConsoleFixture.hitsText(fx.normalLines.size()));
        List<String> users = browser.findAll("#hits td.cell").stream().map(WebElement::getText).toList();
        assertThat(users).as("user.name is pseudonymised for viewers").isNotEmpty()
                .allSatisfy(u -> assertThat(u).matches(".\\*\\*\\*#[0-9a-f]{8}"))
                .noneMatch(u -> List.of(TestEvents.USERS).contains(u));
        browser.screenshot("22-viewer-masked");
        open("alerts");
        browser.waitVisible("#alert-list tr[data-id]");
        assertThat(browser.findAll("#alert-list .alert-acknowledge, #alert-list .alert-close")).allSatisfy(b -> assertThat(b.isEnabled()).isFalse());
        open("rules");
        browser.waitVisible("#rule-list tr[data-id]");
        assertThat(browser.findAll("#rule-list .rule-toggle")).isNotEmpty().allSatisfy(b -> assertThat(b.isEnabled()).isFalse());
        assertThat(browser.find("#rule-test-run").isEnabled()).isFalse();
        open("incidents/" + fx.server.admin.get("/api/incidents?status=new").json().get("incidents").get(0).get("id").asText());
        browser.waitVisible("#incident-timeline");
        assertThat(browser.findAll("#incident-move, #incident-assign, #incident-action-request")).hasSize(3)
                .allSatisfy(b -> assertThat(b.isEnabled()).isFalse());
        assertThat(browser.findAll("#incident-comment")).as("viewers do not get a comment box").isEmpty();
        assertThat(browser.findAll("#report-html")).as("viewers may read reports").hasSize(1);
        fx.assertNothingRan();
    }

    @Test
    @Order(12)
    void theSourcesPageShowsEachSourcesRatesAndFailuresAndHighlightsTheSilentOne() throws Exception {
        String silent = ConsoleTestServer.SILENT_SOURCE;
        JsonNode sources = awaitSilent(silent);
        open("sources");
        browser.waitVisible("#source-list table");
        assertThat(browser.findAll("#source-list tbody tr")).hasSize(sources.size());
        assertThat(browser.find("#source-list tbody tr").getAttribute("data-name")).as("silent sources first").isEqualTo(silent);
        for (JsonNode source : sources) {
            WebElement row = browser.find("#source-list tr[data-name='" + source.get("name").asText() + "']");
            boolean isSilent = source.get("silent").asBoolean();
            assertThat(isSilent).isEqualTo(source.get("name").asText().equals(silent));
            assertThat(row.getAttribute("class").contains("row-silent")).isEqualTo(isSilent);
            assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo(isSilent ? "silent" : "receiving");
            assertThat(row.findElement(By.cssSelector(".source-events")).getText()).isEqualTo(String.format("%,d", source.get("events").asLong()));
            assertThat(row.findElement(By.cssSelector(".source-failures")).getText()).startsWith(String.format("%,d", source.get("parse_failures").asLong()));
            assertThat(row.findElement(By.cssSelector(".source-last")).getText()).startsWith(source.get("last_event").asText().replace('T', ' ').substring(0, 19));
        }
        assertThat(browser.find("#source-list tr[data-name='events'] .source-events").getText())
                .isEqualTo(String.format("%,d", fx.normalLines.size() + ConsoleFixture.GENERATED));
        assertThat(browser.find("#source-summary .stat-bad").getText()).contains("1", "silent");
        browser.screenshot("23-sources");
        fx.assertNothingRan();
    }

    /** A source is silent once it sent nothing for its limit (one minute here); the fixture's XSS source sent once. */
    private static JsonNode awaitSilent(String name) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode sources = fx.server.admin.get("/api/sources").json().get("sources");
            for (JsonNode s : sources) {
                if (s.get("name").asText().equals(name) && s.get("silent").asBoolean()) return sources;
            }
            if (System.nanoTime() > deadline) throw new AssertionError(name + " never became silent: " + sources);
            Thread.sleep(1000);
        }
    }

    @Test
    @Order(13)
    void noPageReportedACspViolationOrAnUncaughtError() {
        assertThat(fx.consoleProblems()).isEmpty();
    }
}
