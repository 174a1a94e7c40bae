package io.vigil.detect;

import static io.vigil.detect.Correlations.T0;
import static io.vigil.detect.Correlations.failed;
import static io.vigil.detect.Correlations.success;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detect.correlate.CorrelationEngine;
import io.vigil.detect.correlate.CorrelationLimits;
import io.vigil.detect.correlate.CorrelationMatch;
import io.vigil.detect.correlate.Observation;
import io.vigil.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sliding windows, late events, memory caps, chains, aliases and {@code generate}. */
class CorrelationEngineTest {

    private static final String BRUTE_FORCE = """
            title: Brute force
            id: brute
            name: brute_force
            level: high
            tags: [attack.t1110]
            correlation:
              type: event_count
              rules: [failed_login]
              group-by: [user.name]
              timespan: 1m
              condition: {gte: 3}
            """;

    private static List<Detection> correlations(RuleSet rules, List<Event> events) {
        return new Detector(rules).detect(events).stream().filter(Detection::isCorrelation).toList();
    }

    @Test
    void windowSlidesAcrossTheMinuteBoundary() {
        // 00:00:40, 00:01:10, 00:01:30: no fixed minute holds three, the sliding minute 00:00:40–00:01:40 does
        List<Detection> d = correlations(Correlations.compile(BRUTE_FORCE), List.of(failed("a", 40, "bob", "1"),
                failed("b", 70, "bob", "1"), failed("c", 90, "bob", "1")));
        assertThat(d).hasSize(1);
        Detection hit = d.get(0);
        assertThat(hit.eventIds()).containsExactly("a", "b", "c");
        assertThat(hit.correlation().firstTime()).isEqualTo(T0 + 40_000);
        assertThat(hit.correlation().lastTime()).isEqualTo(T0 + 90_000);
        assertThat(hit.correlation().group()).containsExactly(Map.entry("user.name", "bob"));
        assertThat(hit.ruleTitle()).isEqualTo("Brute force");
        assertThat(hit.level()).isEqualTo("high");
        assertThat(hit.tags()).containsExactly("attack.t1110");
        assertThat(hit.user()).isEqualTo("bob");
        assertThat(hit.host()).isEqualTo("web1");
    }

    @Test
    void eventsOlderThanTheWindowSlideOut() {
        List<Detection> d = correlations(Correlations.compile(BRUTE_FORCE), List.of(failed("a", 0, "bob", "1"),
                failed("b", 30, "bob", "1"), failed("c", 61, "bob", "1"), failed("d", 80, "bob", "1")));
        assertThat(d).singleElement().satisfies(x -> assertThat(x.eventIds()).containsExactly("b", "c", "d"));
    }

    @Test
    void outOfOrderEventsInsideTheWindowCountAndTooOldOnesAreIgnored() {
        Detector detector = new Detector(Correlations.compile(BRUTE_FORCE));
        List<Detection> d = detector.detect(List.of(failed("c", 50, "bob", "1"), failed("late", -20, "bob", "1"),
                failed("a", 10, "bob", "1"), failed("b", 30, "bob", "1")));
        assertThat(d.stream().filter(Detection::isCorrelation)).singleElement()
                .satisfies(x -> assertThat(x.eventIds()).containsExactly("a", "b", "c"));
        assertThat(detector.correlationStats().lateEvents()).isEqualTo(1);
    }

    @Test
    void aFloodOfDistinctGroupsStaysWithinTheCapAndFlagsTheNextMatch() {
        RuleSet rules = Correlations.compile(BRUTE_FORCE);
        CorrelationEngine engine = new CorrelationEngine(rules.correlationSet(), new CorrelationLimits(10_000, 100));
        int maxSeen = 0;
        for (int i = 0; i < 1_000_000; i++) {
            String user = "u" + i;
            assertThat(engine.accept(observation("failed", i, user))).isEmpty();
            if (i % 1000 == 0) maxSeen = Math.max(maxSeen, engine.stats().groups());
        }
        assertThat(maxSeen).isLessThanOrEqualTo(10_000);
        assertThat(engine.stats().groups()).isLessThanOrEqualTo(10_000);
        assertThat(engine.stats().evictedGroups()).isGreaterThanOrEqualTo(1_000_000 - 10_000);
        List<CorrelationMatch> m = new ArrayList<>();
        for (int i = 0; i < 3; i++) m.addAll(engine.accept(observation("failed", 1_000_000 + i, "bob")));
        assertThat(m).singleElement().satisfies(x -> assertThat(x.stateTruncated()).isTrue());
        for (int i = 0; i < 3; i++) m.addAll(engine.accept(observation("failed", 1_000_010 + i, "bob")));
        assertThat(m).hasSize(2);
        assertThat(m.get(1).stateTruncated()).isFalse();
    }

    @Test
    void aGroupKeepsAtMostTheCapOfEvents() {
        RuleSet rules = Correlations.compile(BRUTE_FORCE.replace("gte: 3", "gte: 1000"));
        CorrelationEngine engine = new CorrelationEngine(rules.correlationSet(), new CorrelationLimits(10, 50));
        for (int i = 0; i < 500; i++) engine.accept(observation("failed", i, "bob"));
        assertThat(engine.stats().droppedEvents()).isEqualTo(450);
    }

    private static Observation observation(String rule, long millis, String user) {
        return new Observation(rule, T0 + millis, List.of("e" + millis), f -> f.equals("user.name") ? user : null, null, user);
    }

    @Test
    void chainedCorrelationsFireOnTheInnerMatchAndSilenceWhatTheyReferTo() {
        RuleSet rules = Correlations.compile(BRUTE_FORCE + """
                ---
                title: Brute force then success
                id: chain
                correlation:
                  type: temporal_ordered
                  rules: [brute_force, successful_login]
                  group-by: [user.name]
                  timespan: 10m
                """);
        List<Detection> all = new Detector(rules).detect(List.of(failed("a", 0, "bob", "1"), failed("b", 1, "bob", "1"),
                failed("c", 2, "bob", "1"), success("d", 100, "bob")));
        assertThat(all).extracting(Detection::ruleId).containsExactly("chain");
        assertThat(all.get(0).eventIds()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void generateTrueKeepsTheReferredRulesReporting() {
        RuleSet rules = Correlations.compile(BRUTE_FORCE + "generate: true\n");
        List<Detection> all = new Detector(rules).detect(List.of(failed("a", 0, "bob", "1"), failed("b", 1, "bob", "1"),
                failed("c", 2, "bob", "1")));
        assertThat(all).extracting(Detection::ruleId).containsExactly("failed", "failed", "failed", "brute");
    }

    @Test
    void aliasesGroupDifferentFieldsOfDifferentRules() {
        RuleSet rules = Correlations.compile("""
                title: Same address both ways
                id: alias
                correlation:
                  type: temporal
                  rules: [failed_login, transfer]
                  group-by: [address]
                  timespan: 1m
                  aliases:
                    address: {failed_login: source.ip, transfer: destination.ip}
                """);
        Event login = failed("a", 0, "bob", "10.0.0.9");
        Event out = Correlations.event("b", 5, "event.action", "transfer", "destination.ip", "10.0.0.9");
        Event other = Correlations.event("c", 5, "event.action", "transfer", "destination.ip", "10.0.0.8");
        assertThat(correlations(rules, List.of(login, other))).isEmpty();
        assertThat(correlations(rules, List.of(login, out))).singleElement()
                .satisfies(d -> assertThat(d.correlation().group()).containsEntry("address", "10.0.0.9"));
    }

    @Test
    void eventsWithoutTheGroupByFieldDoNotTakePart() {
        RuleSet rules = Correlations.compile(BRUTE_FORCE);
        Event noUser = Correlations.event("x", 0, "event.outcome", "failure");
        assertThat(correlations(rules, List.of(noUser, noUser, noUser))).isEmpty();
    }

    @Test
    void disabledCorrelationsAndRulesStopFiring() {
        RuleSet rules = Correlations.compile(BRUTE_FORCE);
        List<Event> events = List.of(failed("a", 0, "bob", "1"), failed("b", 1, "bob", "1"), failed("c", 2, "bob", "1"));
        assertThat(new Detector(rules.withDisabled(Set.of("brute"))).detect(events)).extracting(Detection::ruleId)
                .containsExactly("failed", "failed", "failed");
        assertThat(new Detector(rules.withDisabled(Set.of("failed"))).detect(events)).isEmpty();
    }

    @Test
    void badCorrelationsAreReportedWithTheirFileAndReason() {
        RuleSet.Compiled c = Rules.compile(Correlations.BASE_RULES + """
                ---
                title: bad span
                correlation: {type: event_count, rules: [failed], group-by: [u], timespan: 5x, condition: {gte: 1}}
                ---
                title: bad ref
                correlation: {type: event_count, rules: [nope], group-by: [u], timespan: 5m, condition: {gte: 1}}
                ---
                title: no condition
                correlation: {type: value_count, rules: [failed], group-by: [u], timespan: 5m}
                ---
                title: loop a
                id: la
                correlation: {type: temporal, rules: [lb, failed], group-by: [u], timespan: 5m}
                ---
                title: loop b
                id: lb
                correlation: {type: temporal, rules: [la, failed], group-by: [u], timespan: 5m}
                """);
        assertThat(c.problems()).extracting(p -> p.reason()).anySatisfy(r -> assertThat(r).contains("timespan '5x'"))
                .anySatisfy(r -> assertThat(r).contains("'nope'"))
                .anySatisfy(r -> assertThat(r).contains("needs a condition"))
                .anySatisfy(r -> assertThat(r).contains("cycle"));
        assertThat(c.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
        assertThat(c.ruleSet().correlationSet().correlations()).isEmpty();
    }
}
