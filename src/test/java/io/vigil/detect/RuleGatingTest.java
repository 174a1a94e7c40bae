package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The indexed path skips rules by literal and by field presence: it must still report exactly what
 * evaluating every routed rule reports, whichever of a field's mapped keys carries the value.
 */
class RuleGatingTest {

    private static final String RULES = """
            title: empty command line
            id: empty
            logsource: {product: windows, category: process_creation}
            detection:
              sel: {CommandLine: ''}
              condition: sel
            ---
            title: not whoami
            id: negated
            logsource: {product: windows, category: process_creation}
            detection:
              sel: {Image|endswith: '\\\\whoami.exe'}
              condition: not sel
            ---
            title: parent exists
            id: exists
            logsource: {product: windows, category: process_creation}
            detection:
              sel: {ParentImage|exists: true}
              condition: sel
            ---
            title: image is its parent
            id: fieldref
            logsource: {product: windows, category: process_creation}
            detection:
              sel: {Image|fieldref: ParentImage}
              condition: sel
            ---
            title: one of
            id: oneof
            logsource: {product: windows, category: process_creation}
            detection:
              a: {User: ''}
              b: {IntegrityLevel|exists: false}
              condition: 1 of them
            ---
            title: literal
            id: literal
            logsource: {product: windows, category: process_creation}
            detection:
              sel: {CommandLine|contains: 'mimikatz'}
              condition: sel
            ---
            title: keyword
            id: keyword
            logsource: {product: windows}
            detection:
              keywords: ['sekurlsa::']
              condition: keywords
            """;

    private static final RuleSet SET = Rules.compile(RULES).ruleSet();

    private static Event sysmon(Map<String, Object> fields) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("winlog.channel", "Microsoft-Windows-Sysmon/Operational");
        f.put("winlog.event_id", "1");
        f.putAll(fields);
        return new Event("e", 0L, f);
    }

    private static List<String> ids(List<Match> matches) {
        return matches.stream().map(m -> m.rule().id()).toList();
    }

    @Test
    void ruleWithoutLiteralsRunsWhenItsFieldComesFromAnyMappedKey() {
        assertThat(SET.size()).isEqualTo(7);
        for (String key : List.of("winlog.event_data.CommandLine", "winlog.user_data.CommandLine", "CommandLine")) {
            assertThat(ids(SET.evaluate(sysmon(Map.of(key, ""))))).as(key).contains("empty");
        }
        assertThat(ids(SET.evaluate(sysmon(Map.of("winlog.event_data.Image", "a.exe"))))).doesNotContain("empty");
    }

    @Test
    void negatedAndAbsenceTestsStillRunOnEventsWithoutTheirFields() {
        assertThat(ids(SET.evaluate(sysmon(Map.of())))).containsExactly("negated", "oneof");
    }

    @Test
    void fieldReferencesAndExistenceRunWhenTheirFieldsArePresent() {
        Event e = sysmon(Map.of("winlog.event_data.Image", "C:\\x.exe", "winlog.event_data.ParentImage", "C:\\x.exe",
                "winlog.event_data.IntegrityLevel", "High"));
        assertThat(ids(SET.evaluate(e))).containsExactly("negated", "exists", "fieldref");
    }

    @Test
    void keywordFoundInAValueFiledUnderBothAFieldKeyAndAnUnmappedKey() {
        String shared = "cmd /c sekurlsa::logonpasswords and more";
        Event both = sysmon(Map.of("winlog.event_data.CommandLine", shared, "custom.alias", shared));
        assertThat(ids(SET.evaluate(both))).containsExactly("negated", "oneof", "keyword").isEqualTo(ids(SET.evaluateEveryRule(both)));
        Event aliasOnly = sysmon(Map.of("custom.alias", shared));
        assertThat(ids(SET.evaluate(aliasOnly))).containsExactly("negated", "oneof", "keyword");
    }

    @Test
    void indexedAndNaiveEvaluationAgreeOnRandomEvents() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String[] fields = {"CommandLine", "Image", "ParentImage", "User", "IntegrityLevel", "Message"};
        String[] prefixes = {"winlog.event_data.", "winlog.user_data.", ""};
        Object[] values = {"", "C:\\x.exe", "C:\\Windows\\whoami.exe", "run MIMIKATZ now", "x sekurlsa::logonpasswords",
                List.of(), List.of("a", "C:\\x.exe"), 42L};
        for (int n = 0; n < 2_000; n++) {
            Map<String, Object> f = new LinkedHashMap<>();
            for (String field : fields) {
                if (random.nextInt(3) == 0) continue;
                f.put(prefixes[random.nextInt(prefixes.length)] + field, values[random.nextInt(values.length)]);
            }
            Event e = sysmon(f);
            assertThat(ids(SET.evaluate(e))).as("seed %d, event %s", seed, f).isEqualTo(ids(SET.evaluateEveryRule(e)));
        }
        List<String> all = new ArrayList<>();
        for (int n = 0; n < 50; n++) all.addAll(ids(SET.evaluate(sysmon(Map.of("winlog.event_data.CommandLine", "")))));
        assertThat(all).as("seed %d", seed).contains("empty");
    }
}
