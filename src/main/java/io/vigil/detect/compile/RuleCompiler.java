package io.vigil.detect.compile;

import io.vigil.detect.condition.Condition;
import io.vigil.detect.condition.ConditionParser;
import io.vigil.detect.rule.Detection;
import io.vigil.detect.rule.LogSource;
import io.vigil.detect.rule.SigmaFilter;
import io.vigil.detect.rule.SigmaRule;
import io.vigil.detect.value.ValueCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles rules into {@link CompiledRule}s: conditions parsed and resolved against the detection's
 * identifiers, detection items turned into predicates over shared field slots, Sigma filters' conditions
 * AND-ed on (a filter's condition is written as the exclusion, e.g. {@code not selection}), routes and prefilter literals derived. One compiler builds one rule set (it owns the field table);
 * not thread-safe.
 */
public final class RuleCompiler {

    private final FieldTable fields = new FieldTable();
    private final ValueCompiler values;
    private final LogSourceRouting routing = new LogSourceRouting();
    private final List<SigmaFilter> filters;

    public RuleCompiler(Map<String, List<String>> placeholders, List<SigmaFilter> filters) {
        this.values = new ValueCompiler(placeholders);
        this.filters = List.copyOf(filters);
    }

    public FieldTable fields() {
        return fields;
    }

    public CompiledRule compile(SigmaRule rule) throws RuleRejection {
        int line = rule.source().line();
        Predicate root = compileDetection(rule.detection(), line);
        for (SigmaFilter f : filters) {
            if (appliesTo(f, rule)) {
                Predicate filter = compileDetection(f.detection(), f.source().line());
                root = new Predicate.AllOf(List.of(root, filter));
            }
        }
        List<String> routes = routing.routesOf(rule.logsource());
        return new CompiledRule(rule, root, routes, Prefilter.requiredLiterals(root));
    }

    private Predicate compileDetection(Detection detection, int line) throws RuleRejection {
        DetectionItems items = new DetectionItems(detection, values, fields);
        List<Predicate> any = new ArrayList<>();
        for (String text : detection.conditions()) {
            Condition c;
            try {
                c = ConditionParser.parse(text);
            } catch (IllegalArgumentException e) {
                throw new RuleRejection(detection.lineOf("condition", line), e.getMessage());
            }
            any.add(resolve(c, items, detection, line));
        }
        return any.size() == 1 ? any.get(0) : new Predicate.AnyOf(any);
    }

    private Predicate resolve(Condition c, DetectionItems items, Detection d, int line) throws RuleRejection {
        return switch (c) {
            case Condition.Identifier id -> items.identifier(id.name(), d.lineOf("condition", line));
            case Condition.Not not -> new Predicate.Negation(resolve(not.operand(), items, d, line));
            case Condition.And and -> new Predicate.AllOf(resolveAll(and.all(), items, d, line));
            case Condition.Or or -> new Predicate.AnyOf(resolveAll(or.any(), items, d, line));
            case Condition.Quantified q -> quantified(q, items, d, line);
        };
    }

    private List<Predicate> resolveAll(List<Condition> cs, DetectionItems items, Detection d, int line) throws RuleRejection {
        List<Predicate> out = new ArrayList<>();
        for (Condition c : cs) out.add(resolve(c, items, d, line));
        return out;
    }

    private Predicate quantified(Condition.Quantified q, DetectionItems items, Detection d, int line) throws RuleRejection {
        List<Predicate> selected = new ArrayList<>();
        for (String name : d.identifiers().keySet()) {
            if (q.selects(name)) selected.add(items.identifier(name, line));
        }
        if (selected.isEmpty()) {
            throw new RuleRejection(d.lineOf("condition", line), "'" + (q.isAll() ? "all" : q.atLeast())
                    + " of " + q.pattern() + "' selects no search identifier");
        }
        if (q.isAll()) return new Predicate.AllOf(selected);
        return q.atLeast() == 1 ? new Predicate.AnyOf(selected) : new Predicate.AtLeast(q.atLeast(), selected);
    }

    /** A filter applies to a rule it names (by id, title or file name) whose logsource agrees with its own. */
    private static boolean appliesTo(SigmaFilter f, SigmaRule rule) {
        String file = rule.source().file().getFileName().toString().replaceFirst("\\.ya?ml$", "");
        boolean named = f.ruleRefs().contains(rule.id()) || f.ruleRefs().contains(rule.title()) || f.ruleRefs().contains(file);
        return named && agrees(f.logsource(), rule.logsource());
    }

    private static boolean agrees(LogSource filter, LogSource rule) {
        return (filter.product() == null || filter.product().equals(rule.product()))
                && (filter.category() == null || filter.category().equals(rule.category()))
                && (filter.service() == null || filter.service().equals(rule.service()));
    }
}
