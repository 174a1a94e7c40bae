package io.vigil.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's stage pages in headless Chromium against a real in-process Vigil: alerts raised by the
 * test rules from ingested events (acknowledged, then followed to their events in Discover), rules (load
 * problems, ATT&CK coverage, enable/disable, file text, testing a rule on stored events), incidents,
 * sources, administration, and what a viewer may not do. Pages whose API this server lacks must say so.
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
    void pagesWhoseApiIsMissingSayItIsNotAvailable() throws Exception {
        for (String page : List.of("incidents", "sources")) {
            open(page);
            browser.wait.until(d -> !browser.findAll("#page table, #page .notice, #page .empty-state").isEmpty());
            if (fx.server.statusOf("/api/" + page) == 404) {
                assertThat(browser.find("#page .notice").getText()).contains("is not available on this server yet")
                        .contains("GET /api/" + page + " answered 404");
            } else {
                assertThat(browser.findAll("#page table, #page .empty-state")).isNotEmpty();
            }
            browser.screenshot("16-" + page);
            fx.assertNothingRan();
        }
    }

    @Test
    @Order(6)
    void anAnalystChangesAnIncidentsStatusAndComments() throws Exception {
        assumeThat(fx.server.statusOf("/api/incidents")).as("the incidents API is not merged yet").isNotEqualTo(404);
        JsonNode alert = fx.server.admin.get("/api/alerts").json().get("alerts").get(0);
        ObjectNode body = JSON.createObjectNode().put("title", "Script URLs from " + TestEvents.PAYLOADS.get(2));
        body.putArray("alert_ids").add(alert.get("id").asText());
        JsonNode created = fx.server.admin.post("/api/incidents", "application/json", body.toString()).json();
        open("incidents/" + created.get("id").asText());
        new Select(browser.waitVisible("#incident-status")).selectByValue("investigating");
        browser.wait.until(d -> new Select(browser.find("#incident-status")).getFirstSelectedOption().getText().equals("investigating"));
        browser.find("#incident-comment").sendKeys("Looked at <b>it</b>");
        browser.find(".comment-form button").click();
        browser.waitText("#page", "Looked at <b>it</b>");
        assertThat(fx.server.admin.get("/api/incidents/" + created.get("id").asText()).json().get("status").asText())
                .isEqualTo("investigating");
        browser.screenshot("17-incident");
        fx.assertNothingRan();
    }

    @Test
    @Order(7)
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
        browser.screenshot("18-admin");
        fx.assertNothingRan();
    }

    @Test
    @Order(8)
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
        browser.screenshot("19-viewer-admin-denied");
        open("discover?q=" + ConsoleBrowserTest.SEEDED + "&cols=user.name");
        browser.waitText("#hit-count", ConsoleFixture.hitsText(fx.normalLines.size()));
        List<String> users = browser.findAll("#hits td.cell").stream().map(WebElement::getText).toList();
        assertThat(users).as("user.name is pseudonymised for viewers").isNotEmpty()
                .allSatisfy(u -> assertThat(u).matches(".\\*\\*\\*#[0-9a-f]{8}"))
                .noneMatch(u -> List.of(TestEvents.USERS).contains(u));
        browser.screenshot("20-viewer-masked");
        open("alerts");
        browser.waitVisible("#alert-list tr[data-id]");
        assertThat(browser.findAll("#alert-list .alert-acknowledge, #alert-list .alert-close")).allSatisfy(b -> assertThat(b.isEnabled()).isFalse());
        open("rules");
        browser.waitVisible("#rule-list tr[data-id]");
        assertThat(browser.findAll("#rule-list .rule-toggle")).isNotEmpty().allSatisfy(b -> assertThat(b.isEnabled()).isFalse());
        assertThat(browser.find("#rule-test-run").isEnabled()).isFalse();
        fx.assertNothingRan();
    }

    @Test
    @Order(9)
    void noPageReportedACspViolationOrAnUncaughtError() {
        assertThat(fx.consoleProblems()).isEmpty();
    }
}
