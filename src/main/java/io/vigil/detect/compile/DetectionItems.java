package io.vigil.detect.compile;

import io.vigil.detect.rule.Detection;
import io.vigil.detect.value.FieldCheck;
import io.vigil.detect.value.ValueCompiler;
import io.vigil.detect.value.ValueTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a detection's search identifiers into predicates, once each: a mapping is an AND of its
 * items, a list of mappings an OR, a list of plain values keywords (OR, matched anywhere in the event).
 */
final class DetectionItems {

    private final Detection detection;
    private final ValueCompiler values;
    private final FieldTable fields;
    private final Map<String, Predicate> compiled = new HashMap<>();

    DetectionItems(Detection detection, ValueCompiler values, FieldTable fields) {
        this.detection = detection;
        this.values = values;
        this.fields = fields;
    }

    Predicate identifier(String name, int conditionLine) throws RuleRejection {
        Predicate p = compiled.get(name);
        if (p != null) return p;
        if (!detection.identifiers().containsKey(name)) {
            throw new RuleRejection(conditionLine, "condition references '" + name + "', which the detection does not define");
        }
        p = body(detection.identifiers().get(name), name);
        compiled.put(name, p);
        return p;
    }

    private Predicate body(Object value, String path) throws RuleRejection {
        if (value instanceof Map<?, ?> map) return mapping(map, path);
        if (value instanceof List<?> list) {
            if (list.isEmpty()) throw reject(path, "search identifier '" + path + "' is an empty list");
            if (list.stream().allMatch(o -> o instanceof Map<?, ?>)) {
                List<Predicate> any = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) any.add(mapping((Map<?, ?>) list.get(i), path + "/" + i));
                return any.size() == 1 ? any.get(0) : new Predicate.AnyOf(any);
            }
            if (list.stream().anyMatch(o -> o instanceof Map<?, ?> || o instanceof List<?>)) {
                throw reject(path, "search identifier '" + path + "' mixes mappings and plain values");
            }
            return item("", new ArrayList<>(list), path);
        }
        if (value == null) throw reject(path, "search identifier '" + path + "' is empty");
        return item("", List.of(value), path);
    }

    private Predicate mapping(Map<?, ?> map, String path) throws RuleRejection {
        if (map.isEmpty()) throw reject(path, "search identifier '" + path + "' is an empty mapping");
        List<Predicate> all = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object v = e.getValue();
            List<Object> vs = v instanceof List<?> l ? new ArrayList<>(l) : Arrays.asList(v);
            all.add(item(key, vs, path + "/" + key));
        }
        return all.size() == 1 ? all.get(0) : new Predicate.AllOf(all);
    }

    private Predicate item(String key, List<Object> vs, String path) throws RuleRejection {
        String[] parts = key.split("\\|", -1);
        String field = parts[0];
        boolean keyword = field.isEmpty();
        FieldCheck check;
        try {
            check = values.compile(List.of(parts).subList(1, parts.length), vs, keyword);
        } catch (IllegalArgumentException e) {
            throw reject(path, (keyword ? "keywords" : "field '" + field + "'") + ": " + e.getMessage());
        }
        if (keyword && !(onlyMatches(check))) throw reject(path, "keyword values support only string matching");
        return bind(check, keyword ? -1 : fields.slotOf(field), field);
    }

    private static boolean onlyMatches(FieldCheck c) {
        return switch (c) {
            case FieldCheck.Matches m -> true;
            case FieldCheck.AnyOf a -> a.checks().stream().allMatch(DetectionItems::onlyMatches);
            case FieldCheck.AllOf a -> a.checks().stream().allMatch(DetectionItems::onlyMatches);
            case FieldCheck.Not n -> onlyMatches(n.inner());
            default -> false;
        };
    }

    private Predicate bind(FieldCheck c, int slot, String field) {
        return switch (c) {
            case FieldCheck.Matches m -> new Predicate.ValueMatch(slot, field, m.alternatives());
            case FieldCheck.IsNull n -> new Predicate.Presence(slot, false);
            case FieldCheck.Exists x -> new Predicate.Presence(slot, x.expected());
            case FieldCheck.SameAs s -> new Predicate.SameAs(slot, fields.slotOf(s.otherField()), s.position(), s.cased());
            case FieldCheck.Not n -> new Predicate.Negation(bind(n.inner(), slot, field));
            case FieldCheck.AllOf a -> new Predicate.AllOf(a.checks().stream().map(x -> bind(x, slot, field)).toList());
            case FieldCheck.AnyOf a -> anyOf(a, slot, field);
        };
    }

    /** An OR of plain value matches on one field becomes one match with all alternatives (one pass over the values). */
    private Predicate anyOf(FieldCheck.AnyOf a, int slot, String field) {
        if (a.checks().stream().allMatch(x -> x instanceof FieldCheck.Matches)) {
            List<ValueTest> alts = new ArrayList<>();
            for (FieldCheck x : a.checks()) alts.addAll(((FieldCheck.Matches) x).alternatives());
            return new Predicate.ValueMatch(slot, field, alts);
        }
        return new Predicate.AnyOf(a.checks().stream().map(x -> bind(x, slot, field)).toList());
    }

    private RuleRejection reject(String path, String reason) {
        return new RuleRejection(detection.lineOf(path, 0), reason);
    }
}
