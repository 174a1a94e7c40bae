package io.vigil.detect;

import io.vigil.detect.rule.LoadedRules;
import io.vigil.detect.rule.RuleLoader;
import io.vigil.detect.rule.RuleProblem;
import io.vigil.detect.rule.SigmaRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules Vigil knows: loaded from rule directories, compiled, with some switched off. Changing what is
 * enabled recompiles and swaps the engine's rule set atomically; events in flight see the old or the new set,
 * never a mix. Thread-safe.
 */
public final class RuleCatalog {
    /** What the API and console show of a rule. */
    public record RuleInfo(SigmaRule rule, boolean enabled) {}

    private final List<Path> directories;
    private final Map<String, List<String>> placeholders;
    private final DetectionEngine engine;
    private volatile LoadedRules loaded;
    private volatile List<RuleProblem> problems = List.of();
    private volatile Set<String> disabled;

    public RuleCatalog(List<Path> directories, Map<String, List<String>> placeholders, Set<String> disabled) {
        this.directories = List.copyOf(directories);
        this.placeholders = Map.copyOf(placeholders);
        this.disabled = Set.copyOf(disabled);
        this.engine = new DetectionEngine(RuleSet.empty());
        reload();
    }

    public DetectionEngine engine() {
        return engine;
    }

    /** Reads every directory again and swaps in the new rule set. */
    public synchronized void reload() {
        loaded = new RuleLoader().load(directories);
        compile();
    }

    public synchronized void setEnabled(String ruleId, boolean enabled) {
        if (loaded.rules().stream().noneMatch(r -> r.id().equals(ruleId))) {
            throw new IllegalArgumentException("no rule with id " + ruleId);
        }
        Set<String> next = new java.util.HashSet<>(disabled);
        if (enabled) next.remove(ruleId);
        else next.add(ruleId);
        disabled = Set.copyOf(next);
        compile();
    }

    private void compile() {
        LoadedRules active = new LoadedRules(loaded.rules().stream().filter(r -> !disabled.contains(r.id())).toList(),
                loaded.correlations(), loaded.filters(), loaded.problems(), loaded.files());
        RuleSet.Compiled compiled = RuleSet.compile(active, placeholders);
        List<RuleProblem> all = new ArrayList<>(loaded.problems());
        all.addAll(compiled.problems());
        problems = List.copyOf(all);
        engine.swap(compiled.ruleSet());
    }

    public List<RuleInfo> rules() {
        return loaded.rules().stream().map(r -> new RuleInfo(r, !disabled.contains(r.id()))).toList();
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    public int files() {
        return loaded.files();
    }
}
