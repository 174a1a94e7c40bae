package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.Event;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Log-source routing and field mapping, as pySigma's sysmon, windows and windows-audit pipelines. */
class RoutingTest {

    private static final RuleSet RULES = Rules.compile(Rules.processRule(
            "sel:\n  Image|endswith: '\\\\whoami.exe'\n  ParentImage|endswith: '\\\\cmd.exe'\ncondition: sel")).ruleSet();

    private static Event event(String channel, String id, Map<String, Object> data) {
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("winlog.channel", channel);
        f.put("winlog.event_id", id);
        data.forEach((k, v) -> f.put("winlog.event_data." + k, v));
        return new Event("e", 0L, f);
    }

    @Test
    void processCreationRulesSeeSysmonEventOneOnly() {
        Map<String, Object> data = Map.of("Image", "C:\\whoami.exe", "ParentImage", "C:\\cmd.exe");
        assertThat(RULES.evaluate(event("Microsoft-Windows-Sysmon/Operational", "1", data))).hasSize(1);
        assertThat(RULES.evaluate(event("microsoft-windows-sysmon/operational", "1", data))).hasSize(1);
        assertThat(RULES.evaluate(event("Microsoft-Windows-Sysmon/Operational", "10", data))).isEmpty();
    }

    @Test
    void processCreationRulesSeeSecurity4688WithFieldsRenamed() {
        Map<String, Object> data = Map.of("NewProcessName", "C:\\whoami.exe", "ParentProcessName", "C:\\cmd.exe");
        assertThat(RULES.evaluate(event("Security", "4688", data))).hasSize(1);
        assertThat(RULES.evaluate(event("Security", "4689", data))).isEmpty();
    }

    @Test
    void serviceRulesSeeTheirChannelAndSystemFieldsMapToWinlog() {
        RuleSet rules = Rules.compile("""
                title: t
                logsource: {product: windows, service: security}
                detection:
                  sel: {EventID: 4624, Channel: Security, Computer: dc1}
                  condition: sel
                """).ruleSet();
        Map<String, Object> f = Map.of("winlog.channel", "Security", "winlog.event_id", "4624", "host.name", "DC1");
        assertThat(rules.evaluate(new Event("e", 0L, f))).hasSize(1);
        assertThat(rules.evaluate(new Event("e", 0L, Map.of("winlog.channel", "System", "winlog.event_id", "4624")))).isEmpty();
    }

    @Test
    void nonWindowsRulesReadRawNamesThenEcs() {
        RuleSet rules = Rules.compile("""
                title: t
                logsource: {category: proxy}
                detection:
                  sel: {c-uri|contains: '/etc/passwd'}
                  condition: sel
                """).ruleSet();
        assertThat(rules.evaluate(new Event("e", 0L, Map.of("url.original", "/a?f=../../etc/passwd")))).hasSize(1);
        assertThat(rules.evaluate(new Event("e", 0L, Map.of("c-uri", "/etc/passwd")))).hasSize(1);
        assertThat(rules.evaluate(new Event("e", 0L, Map.of("url.original", "/index.html")))).isEmpty();
    }

    @Test
    void engineSwapsRuleSetsAtomically() {
        DetectionEngine engine = new DetectionEngine(RuleSet.empty());
        Event e = event("Microsoft-Windows-Sysmon/Operational", "1",
                Map.of("Image", "C:\\whoami.exe", "ParentImage", "C:\\cmd.exe"));
        assertThat(engine.evaluate(e)).isEmpty();
        engine.swap(RULES);
        assertThat(engine.evaluate(e)).hasSize(1);
    }

    private static final RuleSet NON_WINDOWS = Rules.compile("""
            title: sshd
            id: sshd
            logsource: {product: linux, service: sshd}
            detection: {sel: {message|contains: 'root'}, condition: sel}
            ---
            title: sudo
            id: sudo
            logsource: {product: linux, service: sudo}
            detection: {sel: {message|contains: 'root'}, condition: sel}
            ---
            title: web
            id: web
            logsource: {category: webserver}
            detection: {sel: {message|contains: 'root'}, condition: sel}
            ---
            title: aws
            id: aws
            logsource: {product: aws, service: cloudtrail}
            detection: {sel: {message|contains: 'root'}, condition: sel}
            """).ruleSet();

    private static java.util.List<String> fired(Map<String, Object> fields) {
        return NON_WINDOWS.evaluate(new Event("e", 0L, fields)).stream().map(m -> m.rule().id()).sorted().toList();
    }

    @Test
    void linuxRulesSeeOnlyTheirProgramsSyslogLines() {
        assertThat(fired(Map.of("log.syslog.appname", "sshd", "process.name", "sshd", "message", "root"))).containsExactly("sshd");
        assertThat(fired(Map.of("log.syslog.appname", "sudo", "message", "root"))).containsExactly("sudo");
        assertThat(fired(Map.of("log.syslog.appname", "cron", "message", "root"))).isEmpty();
    }

    @Test
    void webserverRulesSeeAccessLogsByDatasetOrCategory() {
        assertThat(fired(Map.of("event.dataset", "apache.access", "message", "GET /root"))).containsExactly("web");
        assertThat(fired(Map.of("event.dataset", "nginx.access", "message", "GET /root"))).containsExactly("web");
        assertThat(fired(Map.of("event.category", java.util.List.of("web"), "message", "GET /root"))).containsExactly("web");
    }

    @Test
    void eventsOfUnknownSourceAreCheckedAgainstEveryNonWindowsRule() {
        assertThat(fired(Map.of("message", "root"))).containsExactly("aws", "sshd", "sudo", "web");
        assertThat(NON_WINDOWS.evaluateEveryRule(new Event("e", 0L, Map.of("message", "root")))).hasSize(4);
    }

    /** Routes are cached by the fields routing reads; each of those fields must still decide alone. */
    @Test
    void eventsThatDifferInOneRoutingFieldRouteByItEvenAfterTheOtherWasSeen() {
        for (int round = 0; round < 2; round++) {
            assertThat(fired(Map.of("log.syslog.appname", "sshd", "message", "root"))).containsExactly("sshd");
            assertThat(fired(Map.of("log.syslog.appname", "SUDO", "message", "root"))).containsExactly("sudo");
            assertThat(fired(Map.of("log.syslog.hostname", "h", "process.name", "sshd", "message", "root"))).containsExactly("sshd");
            assertThat(fired(Map.of("log.syslog.hostname", "h", "process.name", "sudo", "message", "root"))).containsExactly("sudo");
            assertThat(fired(Map.of("process.name", "sshd", "message", "root"))).containsExactly("aws", "sshd", "sudo", "web");
            assertThat(fired(Map.of("process.name", "sshd", "host.os.type", "Linux", "message", "root"))).containsExactly("sshd");
            assertThat(fired(Map.of("event.dataset", "Apache.Access", "message", "root"))).containsExactly("web");
            assertThat(fired(Map.of("event.dataset", "apache.error", "message", "root"))).containsExactly("aws", "sshd", "sudo", "web");
            assertThat(fired(Map.of("event.category", java.util.List.of("web", "network"), "message", "root"))).containsExactly("web");
            assertThat(fired(Map.of("event.category", java.util.List.of("network"), "message", "root")))
                    .containsExactly("aws", "sshd", "sudo", "web");
        }
    }
}
