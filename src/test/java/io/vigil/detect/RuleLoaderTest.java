package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detect.rule.LoadedRules;
import io.vigil.detect.rule.RuleLoader;
import io.vigil.detect.rule.RuleProblem;
import io.vigil.detect.rule.SigmaRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLoaderTest {

    @TempDir
    Path dir;

    private LoadedRules load(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name), yaml);
        return new RuleLoader().load(List.of(dir));
    }

    @Test
    void readsRuleMetadataAndLocation() throws IOException {
        LoadedRules loaded = load("a.yml", """
                title: Whoami
                id: 11111111-2222-3333-4444-555555555555
                status: test
                level: high
                tags: [attack.discovery, attack.t1033]
                logsource: {product: windows, category: process_creation}
                detection:
                  sel: {Image|endswith: '\\\\whoami.exe'}
                  condition: sel
                falsepositives: [Admins]
                fields: [CommandLine]
                """);
        SigmaRule r = loaded.rules().get(0);
        assertThat(r.id()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(r.level()).isEqualTo("high");
        assertThat(r.tags()).containsExactly("attack.discovery", "attack.t1033");
        assertThat(r.logsource().category()).isEqualTo("process_creation");
        assertThat(r.falsepositives()).containsExactly("Admins");
        assertThat(r.fields()).containsExactly("CommandLine");
        assertThat(r.source().line()).isEqualTo(1);
        assertThat(r.detection().lineOf("sel/Image|endswith", 0)).isEqualTo(8);
    }

    @Test
    void expandsCollectionsWithGlobalResetAndRepeat() throws IOException {
        LoadedRules loaded = load("c.yml", """
                action: global
                title: Shared
                logsource: {product: windows}
                detection:
                  condition: sel
                ---
                id: one
                detection:
                  sel: {EventID: 1}
                ---
                action: repeat
                id: two
                detection:
                  sel: {EventID: 2}
                ---
                action: reset
                ---
                id: three
                title: Alone
                detection:
                  s: {EventID: 3}
                  condition: s
                """);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.rules()).extracting(SigmaRule::id).containsExactly("one", "two", "three");
        assertThat(loaded.rules()).extracting(SigmaRule::title).containsExactly("Shared", "Shared", "Alone");
        assertThat(loaded.rules().get(1).detection().identifiers().get("sel")).isEqualTo(Map.of("EventID", 2L));
        assertThat(loaded.rules().get(1).source().line()).isEqualTo(11);
        RuleSet rules = RuleSet.compile(loaded, Map.of()).ruleSet();
        assertThat(rules.evaluate(Rules.sysmon(2))).extracting(m -> m.rule().id()).containsExactly("two");
    }

    @Test
    void keepsGoingAfterBadFilesAndRulesAndNamesTheirLines() throws IOException {
        Files.writeString(dir.resolve("bad.yml"), "title: x\ndetection: [\n");
        Files.writeString(dir.resolve("nodet.yml"), "title: y\nlogsource: {product: windows}\n");
        Files.writeString(dir.resolve("badmod.yml"), Rules.processRule("sel:\n  Image|nosuch: x\ncondition: sel"));
        LoadedRules loaded = load("good.yml", Rules.processRule("sel:\n  Image: x\ncondition: sel"));
        RuleSet.Compiled compiled = RuleSet.compile(loaded, Map.of());
        assertThat(compiled.ruleSet().size()).isEqualTo(1);
        assertThat(compiled.problems()).hasSize(3);
        RuleProblem badmod = compiled.problems().stream().filter(p -> p.file().endsWith("badmod.yml")).findFirst().orElseThrow();
        assertThat(badmod.line()).isEqualTo(8);
        assertThat(badmod.reason()).contains("nosuch");
        assertThat(compiled.problems()).anySatisfy(p -> assertThat(p.reason()).contains("no 'detection'"));
        assertThat(compiled.problems()).anySatisfy(p -> assertThat(p.reason()).startsWith("invalid YAML"));
    }

    @Test
    void acceptsCorrelationRulesIntoTheirOwnList() throws IOException {
        LoadedRules loaded = load("corr.yml", """
                title: Many failed logons
                id: c1
                correlation:
                  type: event_count
                  rules: [r1]
                  group-by: [User]
                  timespan: 5m
                  condition: {gte: 10}
                """);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.correlations()).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo("c1"));
    }

    @Test
    void appliesSigmaFiltersToTheRulesTheyName() throws IOException {
        load("rule.yml", Rules.processRule("sel:\n  Image|endswith: '\\\\cmd.exe'\ncondition: sel"));
        LoadedRules loaded = load("filter.yml", """
                title: Not for admin tools
                id: f1
                logsource: {product: windows, category: process_creation}
                filter:
                  rules: [r1]
                  selection:
                    User: admin
                  condition: not selection
                """);
        assertThat(loaded.filters()).hasSize(1);
        RuleSet rules = RuleSet.compile(loaded, Map.of()).ruleSet();
        assertThat(rules.evaluate(Rules.sysmon(1, "Image", "C:\\cmd.exe", "User", "bob"))).hasSize(1);
        assertThat(rules.evaluate(Rules.sysmon(1, "Image", "C:\\cmd.exe", "User", "admin"))).isEmpty();
    }

    @Test
    void refusesARuleTextLargerThanTheYamlLimitBeforeParsingIt() {
        String rule = "title: t\nid: 5f1a0000-0000-4000-8000-0000000000aa\nlogsource: { product: linux }\n"
                + "detection: { s: { a: b }, condition: s }\n";
        String huge = rule.repeat((4 << 20) / rule.length());
        long start = System.nanoTime();
        LoadedRules loaded = new RuleLoader().loadText(Map.of(Path.of("huge.yml"), huge));
        assertThat(loaded.problems()).singleElement().extracting(RuleProblem::reason).asString()
                .contains("rule file too large").contains("the limit is 3145728 characters");
        assertThat((System.nanoTime() - start) / 1_000_000).as("refused without parsing (ms)").isLessThan(500);
    }
}
