package io.vigil.detect;

import io.vigil.detect.rule.LoadedRules;
import io.vigil.detect.rule.RuleLoader;
import io.vigil.event.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: compile YAML text into a rule set; build Winlogbeat-shaped events. */
final class Rules {

    private Rules() {}

    static RuleSet.Compiled compile(String yaml) {
        return compile(yaml, Map.of());
    }

    static RuleSet.Compiled compile(String yaml, Map<String, List<String>> placeholders) {
        try {
            Path dir = Files.createTempDirectory("sigma");
            Path file = dir.resolve("rule.yml");
            Files.writeString(file, yaml);
            LoadedRules loaded = new RuleLoader().load(List.of(dir));
            return RuleSet.compile(loaded, placeholders);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Sysmon event with the given EventData fields (alternating name, value). */
    static Event sysmon(int eventId, Object... data) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("winlog.channel", "Microsoft-Windows-Sysmon/Operational");
        f.put("winlog.event_id", String.valueOf(eventId));
        for (int i = 0; i < data.length; i += 2) f.put("winlog.event_data." + data[i], data[i + 1]);
        return new Event("e1", 0L, f);
    }

    /** A process_creation rule whose detection is {@code selection: <body>} and condition {@code condition}. */
    static String processRule(String detectionBody) {
        return """
                title: t
                id: r1
                logsource:
                  product: windows
                  category: process_creation
                detection:
                """ + detectionBody.indent(2);
    }

    static boolean fires(String detectionBody, Event event) {
        RuleSet.Compiled c = compile(processRule(detectionBody));
        if (!c.problems().isEmpty()) throw new AssertionError("rule rejected: " + c.problems());
        boolean fast = !c.ruleSet().evaluate(event).isEmpty();
        boolean slow = !c.ruleSet().evaluateEveryRule(event).isEmpty();
        if (fast != slow) throw new AssertionError("prefiltered and naive evaluation disagree");
        return fast;
    }
}
