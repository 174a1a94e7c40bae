package io.vigil.detect;

import static io.vigil.detect.Correlations.failed;
import static io.vigil.detect.Correlations.success;
import static io.vigil.detect.Correlations.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.Event;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each Sigma v2.1 correlation type and condition operator, as a table of rule, events and expected matches. */
class CorrelationTypesTest {

    private static String rule(String type, String rules, String timespan, String condition) {
        return """
                title: C
                id: corr
                level: high
                correlation:
                  type: %s
                  rules: [%s]
                  group-by: [user.name]
                  timespan: %s
                %s""".formatted(type, rules, timespan, condition.isEmpty() ? "" : "  condition: {" + condition + "}\n");
    }

    static Stream<Arguments> cases() {
        List<Event> threeFast = List.of(failed("a", 0, "bob", "1.1.1.1"), failed("b", 10, "bob", "1.1.1.2"),
                failed("c", 20, "bob", "1.1.1.3"));
        List<Event> threeSlow = List.of(failed("a", 0, "bob", "1.1.1.1"), failed("b", 50, "bob", "1.1.1.1"),
                failed("c", 100, "bob", "1.1.1.1"));
        List<Event> threeUsers = List.of(failed("a", 0, "bob", "1.1.1.1"), failed("b", 1, "eve", "1.1.1.1"),
                failed("c", 2, "ann", "1.1.1.1"));
        return Stream.of(
                Arguments.of("event_count gte 3 within 1m", rule("event_count", "failed_login", "1m", "gte: 3"), threeFast, List.of("a,b,c")),
                Arguments.of("event_count gte 3 spread over 100s", rule("event_count", "failed_login", "1m", "gte: 3"), threeSlow, List.of()),
                Arguments.of("event_count counts per group", rule("event_count", "failed", "1m", "gte: 2"), threeUsers, List.of()),
                Arguments.of("event_count gt 2", rule("event_count", "failed", "1m", "gt: 2"), threeFast, List.of("a,b,c")),
                Arguments.of("event_count eq 2 fires at the second", rule("event_count", "failed", "1m", "eq: 2"), threeFast, List.of("a,b")),
                Arguments.of("event_count neq 1 fires at the second", rule("event_count", "failed", "1m", "neq: 1"), threeFast, List.of("a,b")),
                Arguments.of("event_count range gt 2 lte 5", rule("event_count", "failed", "1m", "gt: 2, lte: 5"), threeFast, List.of("a,b,c")),
                Arguments.of("event_count lt 2 holds at the first event", rule("event_count", "failed", "1m", "lt: 2"), threeFast.subList(0, 1), List.of("a")),
                Arguments.of("event_count lte 0 never holds", rule("event_count", "failed", "1m", "lte: 0"), threeFast, List.of()),
                Arguments.of("value_count of 3 ips", rule("value_count", "failed", "1m", "field: source.ip, gte: 3"), threeFast, List.of("a,b,c")),
                Arguments.of("value_count of 1 ip", rule("value_count", "failed", "5m", "field: source.ip, gte: 2"), threeSlow, List.of()),
                Arguments.of("value_sum over 1000", rule("value_sum", "transfer", "1h", "field: bytes, gt: 1000"),
                        List.of(transfer("a", 0, "bob", 600L), transfer("b", 60, "bob", "500"), transfer("c", 61, "eve", 900L)), List.of("a,b")),
                Arguments.of("value_sum ignores text", rule("value_sum", "transfer", "1h", "field: bytes, gt: 1000"),
                        List.of(transfer("a", 0, "bob", 600L), transfer("b", 60, "bob", "lots")), List.of()),
                Arguments.of("value_avg over 500", rule("value_avg", "transfer", "1h", "field: bytes, gt: 500"),
                        List.of(transfer("a", 0, "bob", 400L), transfer("b", 1, "bob", 700L)), List.of("a,b")),
                Arguments.of("value_percentile picks the rare value", rule("value_percentile", "transfer", "1h", "field: process.name, lte: 10"),
                        rare(), List.of("rare")),
                Arguments.of("temporal needs every rule", rule("temporal", "failed_login, successful_login", "5m", ""),
                        List.of(success("a", 0, "bob"), failed("b", 30, "bob", "1.1.1.1")), List.of("a,b")),
                Arguments.of("temporal with one rule only", rule("temporal", "failed_login, successful_login", "5m", ""),
                        List.of(failed("a", 0, "bob", "1.1.1.1"), failed("b", 30, "bob", "1.1.1.1")), List.of()),
                Arguments.of("temporal with condition gte 1", rule("temporal", "failed_login, successful_login", "5m", "gte: 1"),
                        List.of(failed("a", 0, "bob", "1.1.1.1")), List.of("a")),
                Arguments.of("temporal_ordered in the right order", rule("temporal_ordered", "failed_login, successful_login", "5m", ""),
                        List.of(failed("a", 0, "bob", "1.1.1.1"), success("b", 30, "bob")), List.of("a,b")),
                Arguments.of("temporal_ordered in the wrong order", rule("temporal_ordered", "failed_login, successful_login", "5m", ""),
                        List.of(success("a", 0, "bob"), failed("b", 30, "bob", "1.1.1.1")), List.of()),
                Arguments.of("temporal_ordered: late arrival placed by time", rule("temporal_ordered", "failed_login, successful_login", "5m", ""),
                        List.of(success("b", 30, "bob"), failed("a", 0, "bob", "1.1.1.1")), List.of("a,b")),
                Arguments.of("temporal_ordered too far apart", rule("temporal_ordered", "failed_login, successful_login", "5m", ""),
                        List.of(failed("a", 0, "bob", "1.1.1.1"), success("b", 301, "bob")), List.of()));
    }

    private static List<Event> rare() {
        List<Event> events = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(Correlations.event("common" + i, i, "event.action", "transfer", "user.name", "bob", "process.name", "svchost.exe"));
        }
        events.add(Correlations.event("rare", 30, "event.action", "transfer", "user.name", "bob", "process.name", "mimikatz.exe"));
        return events;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void correlationFiresExactlyOnTheExpectedWindows(String name, String yaml, List<Event> events, List<String> expected) {
        RuleSet rules = Correlations.compile(yaml);
        List<String> fired = new Detector(rules).detect(events).stream().filter(Detection::isCorrelation)
                .map(d -> String.join(",", d.eventIds())).toList();
        assertThat(fired).as(name).isEqualTo(expected);
    }
}
