package io.vigil.detect.correlate;

import io.vigil.detect.rule.CorrelationRule;
import io.vigil.detect.rule.RuleProblem;
import io.vigil.detect.rule.SigmaRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks and compiles correlation rules (Sigma correlation specification v2.1): type, rules (by id or
 * name), group-by, timespan ({@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}), condition and aliases.
 * A bad correlation is reported with its file and line and left out; the others compile. Stateless.
 */
public final class CorrelationCompiler {

    private static final Pattern TIMESPAN = Pattern.compile("(\\d+)([smhd])");
    private static final Set<String> KEYS = Set.of("type", "rules", "group-by", "timespan", "condition", "aliases",
            "generate");
    private static final Set<String> CONDITION_KEYS = Set.of("gt", "gte", "lt", "lte", "eq", "neq", "field");

    private CorrelationCompiler() {}

    /** Compiles the correlations; references resolve against {@code rules} and the correlations themselves. */
    public static CorrelationSet compile(List<SigmaRule> rules, List<CorrelationRule> correlations,
                                         List<RuleProblem> problems) {
        Map<String, String> idByName = new HashMap<>();
        Map<String, String> nameById = new HashMap<>();
        for (SigmaRule r : rules) register(r.id(), r.name(), idByName, nameById);
        for (CorrelationRule c : correlations) register(c.id(), c.name(), idByName, nameById);
        List<Correlation> ok = new ArrayList<>();
        for (CorrelationRule c : correlations) {
            try {
                ok.add(compile(c, idByName, nameById));
            } catch (IllegalArgumentException e) {
                problems.add(RuleProblem.at(c.source(), "correlation '" + c.title() + "': " + e.getMessage()));
            }
        }
        return CorrelationSet.of(ok, problems);
    }

    private static void register(String id, String name, Map<String, String> idByName, Map<String, String> nameById) {
        idByName.put(id, id);
        if (name != null) {
            idByName.putIfAbsent(name, id);
            nameById.put(id, name);
        }
    }

    static Correlation compile(CorrelationRule rule, Map<String, String> idByName, Map<String, String> nameById) {
        Map<String, Object> c = rule.correlation();
        for (String key : c.keySet()) {
            if (!KEYS.contains(key)) throw new IllegalArgumentException("unknown key '" + key + "'; allowed: " + KEYS);
        }
        CorrelationType type = CorrelationType.of(text(c.get("type"), "type"));
        List<String> refs = new ArrayList<>();
        for (String ref : strings(c.get("rules"))) {
            String id = idByName.get(ref);
            if (id == null) throw new IllegalArgumentException("refers to '" + ref + "', which is neither the id nor the name of a loaded rule");
            refs.add(id);
        }
        if (refs.isEmpty()) throw new IllegalArgumentException("'rules' must list at least one rule id or name");
        List<String> groupBy = strings(c.get("group-by"));
        long span = timespan(text(c.get("timespan"), "timespan"));
        Map<String, Object> condition = mapping(c.get("condition"), "condition");
        for (String key : condition.keySet()) {
            if (!CONDITION_KEYS.contains(key)) throw new IllegalArgumentException("unknown condition key '" + key + "'; allowed: " + CONDITION_KEYS);
        }
        Threshold threshold = Threshold.of(condition);
        if (type.needsCondition() && threshold.isAlways()) {
            throw new IllegalArgumentException(type.sigmaName() + " needs a condition (gt, gte, lt, lte, eq or neq)");
        }
        List<String> fields = strings(condition.get("field"));
        if (type.needsField() && fields.isEmpty()) throw new IllegalArgumentException(type.sigmaName() + " needs condition.field");
        Map<String, Object> aliases = mapping(c.get("aliases"), "aliases");
        List<List<String>> groupFields = new ArrayList<>();
        List<List<String>> valueFields = new ArrayList<>();
        for (String ref : refs) {
            groupFields.add(resolve(groupBy, aliases, ref, nameById.get(ref)));
            valueFields.add(resolve(fields, aliases, ref, nameById.get(ref)));
        }
        return new Correlation(rule, type, refs, groupBy, groupFields, valueFields, span, threshold);
    }

    /** The field each name stands for in events of rule {@code id}: the alias target when one is defined. */
    private static List<String> resolve(List<String> names, Map<String, Object> aliases, String id, String name) {
        List<String> out = new ArrayList<>();
        for (String field : names) {
            String target = field;
            if (aliases.get(field) instanceof Map<?, ?> byRule) {
                Object t = name != null && byRule.containsKey(name) ? byRule.get(name) : byRule.get(id);
                if (t == null) throw new IllegalArgumentException("alias '" + field + "' has no entry for rule '" + (name != null ? name : id) + "'");
                target = t.toString();
            }
            out.add(target);
        }
        return out;
    }

    static long timespan(String text) {
        Matcher m = TIMESPAN.matcher(text.trim());
        if (!m.matches()) throw new IllegalArgumentException("timespan '" + text + "' must be a number and s, m, h or d (e.g. 5m)");
        long n = Long.parseLong(m.group(1));
        long unit = switch (m.group(2)) {
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> 86_400_000L;
        };
        if (n <= 0) throw new IllegalArgumentException("timespan '" + text + "' must be positive");
        return n * unit;
    }

    private static String text(Object v, String key) {
        if (v == null || v instanceof Map<?, ?> || v instanceof List<?>) throw new IllegalArgumentException("'" + key + "' must be a single value");
        return v.toString();
    }

    private static List<String> strings(Object v) {
        if (v == null) return List.of();
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        if (v instanceof Map<?, ?>) throw new IllegalArgumentException("expected a list of names, got a mapping");
        return List.of(v.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object v, String key) {
        if (v == null) return Map.of();
        if (!(v instanceof Map<?, ?> m)) throw new IllegalArgumentException("'" + key + "' must be a mapping");
        return (Map<String, Object>) m;
    }
}
