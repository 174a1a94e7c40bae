package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigil.detect.rule.LoadedRules;
import io.vigil.detect.rule.RuleLoader;
import io.vigil.detect.rule.RuleProblem;
import io.vigil.detect.value.ValueCompiler;
import io.vigil.event.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs the loader and engine over the SigmaHQ rules and regression events in ../shared/data. */
@Tag("data")
class SigmaDataTest {

    static Path sigma() {
        return Path.of(System.getProperty("vigil.data", "../shared/data"), "sigma");
    }

    static List<Path> ruleDirs() throws IOException {
        try (Stream<Path> s = Files.list(sigma())) {
            return s.filter(p -> p.getFileName().toString().startsWith("rules")).sorted().toList();
        }
    }

    @Test
    void loadsAtLeastNinetyNineAndAHalfPercentOfSigmaHqRulesThatNeedNoPlaceholderValues() throws IOException {
        LoadedRules loaded = new RuleLoader().load(ruleDirs());
        RuleSet.Compiled compiled = RuleSet.compile(loaded, Map.of());
        int ok = compiled.ruleSet().size();
        int rejected = compiled.problems().size();
        // Rules whose placeholders have no configured values are not failures: they wait for site values.
        long awaitingPlaceholders = compiled.problems().stream()
                .filter(p -> p.reason().contains(ValueCompiler.UNCONFIGURED_PLACEHOLDER)).count();
        long failed = rejected - awaitingPlaceholders;
        double share = 100.0 * ok / (ok + failed);
        Map<String, Integer> histogram = new TreeMap<>();
        for (RuleProblem p : compiled.problems()) histogram.merge(p.reason().replaceAll("'[^']*'", "'…'"), 1, Integer::sum);
        System.out.printf("sigma rules: %d files, %d loaded, %d rejected (%d awaiting placeholder values, %d other), "
                        + "%d prefiltered%n", loaded.files(), ok, rejected, awaitingPlaceholders, failed,
                compiled.ruleSet().prefilteredRules());
        System.out.printf("sigma rules loaded, placeholder rules excluded: %d/%d = %.2f%% (goal >= 99.5%%)%n",
                ok, ok + failed, share);
        histogram.forEach((reason, n) -> System.out.println("  " + n + " x " + reason));
        compiled.problems().stream().limit(40).forEach(p -> System.out.println("  " + p));
        assertThat(share).isGreaterThanOrEqualTo(99.5);
    }

    @Test
    void everyRegressionRuleFiresOnItsOwnEvents() throws IOException {
        Path base = sigma().resolve("regression");
        LoadedRules loaded = new RuleLoader().load(ruleDirs());
        RuleSet rules = RuleSet.compile(loaded, Map.of()).ruleSet();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> failures = new ArrayList<>();
        int tests = 0;
        List<Path> infos;
        try (Stream<Path> s = Files.walk(base)) {
            infos = s.filter(p -> p.getFileName().toString().equals("info.yml")).sorted().toList();
        }
        for (Path info : infos) {
            JsonNode meta = yaml.readTree(info.toFile());
            String ruleId = meta.path("rule_metadata").path(0).path("id").asText();
            for (JsonNode t : meta.path("regression_tests_info")) {
                tests++;
                Path json = base.resolve(t.path("path").asText().replaceFirst("\\.evtx$", ".json"));
                int expected = t.path("match_count").asInt(1);
                List<Event> events = EvtxJson.read(json);
                long fired = events.stream().filter(e -> rules.evaluate(e).stream()
                        .anyMatch(m -> m.rule().id().equals(ruleId))).count();
                List<Match> slow = events.stream().flatMap(e -> rules.evaluateEveryRule(e).stream()).toList();
                List<Match> fast = events.stream().flatMap(e -> rules.evaluate(e).stream()).toList();
                if (fired < expected) failures.add(ruleId + " fired " + fired + "/" + expected + " on " + json);
                if (!new java.util.HashSet<>(slow).equals(new java.util.HashSet<>(fast))) {
                    failures.add(ruleId + ": indexed and naive evaluation disagree on " + json);
                }
            }
        }
        System.out.println("regression: " + tests + " tests, " + failures.size() + " failures");
        failures.forEach(f -> System.out.println("  " + f));
        assertThat(tests).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }
}
