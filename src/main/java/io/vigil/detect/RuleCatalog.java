package io.vigil.detect;

import io.vigil.detect.rule.CorrelationRule;
import io.vigil.detect.rule.LoadedRules;
import io.vigil.detect.rule.LogSource;
import io.vigil.detect.rule.RuleLoader;
import io.vigil.detect.rule.RuleProblem;
import io.vigil.detect.rule.SigmaRule;
import io.vigil.detect.rule.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules Vigil knows: its own pack (in the JAR) and every configured rule directory, compiled once; some
 * switched off by analysts. Switching a rule recompiles nothing: the compiled set minus the disabled ids is
 * swapped into the engine atomically, so events in flight see the old or the new set, never a mix.
 * Thread-safe.
 */
public final class RuleCatalog {
    /** What the API and console show of a rule or a correlation. */
    public record RuleInfo(String id, String title, String level, String status, String kind, List<String> tags,
                           LogSource logsource, List<String> falsepositives, SourceLocation source, boolean enabled) {
        static RuleInfo of(SigmaRule r, boolean enabled) {
            return new RuleInfo(r.id(), r.title(), r.level(), r.status(), "rule", r.tags(), r.logsource(),
                    r.falsepositives(), r.source(), enabled);
        }

        static RuleInfo of(CorrelationRule c, boolean enabled) {
            return new RuleInfo(c.id(), c.title(), c.level(), null, "correlation", c.tags(), null, List.of(), c.source(),
                    enabled);
        }
    }

    private final List<Path> directories;
    private final boolean builtin;
    private final Map<String, List<String>> placeholders;
    private final DetectionEngine engine;
    private volatile LoadedRules loaded;
    private volatile RuleSet compiled;
    private volatile List<RuleProblem> problems = List.of();
    private volatile Set<String> disabled;

    /**
     * @param builtin      include Vigil's own rules from the JAR
     * @param placeholders values for {@code |expand} placeholders
     */
    public RuleCatalog(List<Path> directories, boolean builtin, Map<String, List<String>> placeholders, Set<String> disabled) {
        this.directories = List.copyOf(directories);
        this.builtin = builtin;
        this.placeholders = Map.copyOf(placeholders);
        this.disabled = Set.copyOf(disabled);
        this.engine = new DetectionEngine(RuleSet.empty());
        reload();
    }

    public RuleCatalog(List<Path> directories, Map<String, List<String>> placeholders, Set<String> disabled) {
        this(directories, true, placeholders, disabled);
    }

    public DetectionEngine engine() {
        return engine;
    }

    /** Reads every rule again, compiles, and swaps in the new set. */
    public synchronized void reload() {
        LoadedRules fromDirs = new RuleLoader().load(directories);
        loaded = builtin ? BuiltinRules.overriddenBy(BuiltinRules.load(), fromDirs) : fromDirs;
        RuleSet.Compiled result = RuleSet.compile(loaded, placeholders);
        List<RuleProblem> all = new ArrayList<>(loaded.problems());
        all.addAll(result.problems());
        problems = List.copyOf(all);
        compiled = result.ruleSet();
        engine.swap(compiled.withDisabled(disabled));
    }

    public synchronized void setEnabled(String ruleId, boolean enabled) {
        boolean known = loaded.rules().stream().anyMatch(r -> r.id().equals(ruleId))
                || loaded.correlations().stream().anyMatch(c -> c.id().equals(ruleId));
        if (!known) throw new IllegalArgumentException("no rule with id " + ruleId);
        Set<String> next = new HashSet<>(disabled);
        if (enabled) next.remove(ruleId);
        else next.add(ruleId);
        disabled = Set.copyOf(next);
        engine.swap(compiled.withDisabled(disabled));
    }

    public List<RuleInfo> rules() {
        List<RuleInfo> out = new ArrayList<>();
        loaded.rules().forEach(r -> out.add(RuleInfo.of(r, !disabled.contains(r.id()))));
        loaded.correlations().forEach(c -> out.add(RuleInfo.of(c, !disabled.contains(c.id()))));
        return out;
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    public int files() {
        return loaded.files();
    }
}
