package io.vigil.detect.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detect.BuiltinRules;
import io.vigil.detect.Detection;
import io.vigil.detect.Detector;
import io.vigil.detect.RuleSet;
import io.vigil.event.Event;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven over the pack: every rule file's primary rule (its first document) fires on the file's
 * positive events and stays silent on its negative ones, with the whole pack loaded (so correlations see the
 * same base rules as in production) and the events read by the real parser.
 */
class PackRulesTest {

    private static final RuleSet PACK = RuleSet.compile(BuiltinRules.load(), Map.of()).ruleSet();

    static List<PackEvents.RuleFile> ruleFiles() {
        return PackEvents.ruleFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleFiles")
    void primaryRuleFiresOnItsPositiveEvents(PackEvents.RuleFile file) throws IOException {
        List<Event> events = PackEvents.events(file.stem(), "positive");
        assertThat(events).as("positive events of %s parse", file.stem())
                .noneMatch(e -> e.fields().containsKey("error.message"));
        List<Detection> found = new Detector(PACK).detect(events);
        assertThat(ids(found)).as("rules fired on %d positive events of %s", events.size(), file.stem())
                .contains(file.primaryId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleFiles")
    void primaryRuleStaysSilentOnItsNegativeEvents(PackEvents.RuleFile file) throws IOException {
        List<Event> events = PackEvents.events(file.stem(), "negative");
        List<Detection> found = new Detector(PACK).detect(events);
        assertThat(ids(found)).as("rules fired on %d negative events of %s", events.size(), file.stem())
                .doesNotContain(file.primaryId());
    }

    private static List<String> ids(List<Detection> found) {
        return found.stream().map(Detection::ruleId).collect(Collectors.toList());
    }
}
