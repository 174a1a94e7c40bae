package io.vigil.detect.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns one (collection-merged) YAML document into a rule, filter, correlation, or a problem. */
final class DocumentReader {

    sealed interface Result {
        record Rule(SigmaRule rule) implements Result {}
        record Correlation(CorrelationRule rule) implements Result {}
        record Filter(SigmaFilter filter) implements Result {}
        record Problem(RuleProblem problem) implements Result {}
    }

    private DocumentReader() {}

    static Result read(YamlDocument doc, SourceLocation where, int index) {
        Map<String, Object> root = doc.root();
        String id = text(root.get("id"), where.file().getFileName() + "#" + index);
        String title = text(root.get("title"), id);
        try {
            if (root.get("correlation") instanceof Map<?, ?> corr) {
                return new Result.Correlation(new CorrelationRule(id, text(root.get("name"), null), title,
                        text(root.get("level"), null), YamlDocument.stringList(root.get("tags")),
                        Boolean.TRUE.equals(root.get("generate")) || Boolean.TRUE.equals(corr.get("generate")),
                        asStringMap(corr), where));
            }
            if (root.get("filter") instanceof Map<?, ?> filter) {
                return readFilter(doc, where, id, title, asStringMap(filter));
            }
            Object detection = root.get("detection");
            if (!(detection instanceof Map<?, ?> det)) {
                return problem(where, detection == null
                        ? "no 'detection' section: not a Sigma rule, filter or correlation"
                        : "'detection' must be a mapping of search identifiers and a condition");
            }
            Detection parsed = readDetection(asStringMap(det), doc, "detection");
            SigmaRule rule = new SigmaRule(id, text(root.get("name"), null), title, text(root.get("level"), null), text(root.get("status"), null),
                    YamlDocument.stringList(root.get("tags")), logSource(root.get("logsource")), parsed,
                    YamlDocument.stringList(root.get("falsepositives")), YamlDocument.stringList(root.get("fields")),
                    where.atLine(doc.line()));
            return new Result.Rule(rule);
        } catch (IllegalArgumentException e) {
            return problem(where, e.getMessage());
        }
    }

    private static Result readFilter(YamlDocument doc, SourceLocation where, String id, String title,
                                     Map<String, Object> filter) {
        List<String> refs = YamlDocument.stringList(filter.get("rules"));
        if (refs.isEmpty()) return problem(where, "filter has no 'rules' list naming the rules it applies to");
        Map<String, Object> det = new LinkedHashMap<>(filter);
        det.remove("rules");
        Detection detection = readDetection(det, doc, "filter");
        return new Result.Filter(new SigmaFilter(id, title, logSource(doc.root().get("logsource")), refs,
                detection, where));
    }

    private static Detection readDetection(Map<String, Object> det, YamlDocument doc, String prefix) {
        Object condition = det.get("condition");
        List<String> conditions = YamlDocument.stringList(condition);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("detection has no 'condition'");
        }
        Map<String, Object> identifiers = new LinkedHashMap<>(det);
        identifiers.remove("condition");
        identifiers.remove("timeframe");
        Map<String, Integer> lines = new java.util.HashMap<>();
        String start = prefix + "/";
        doc.keyLines().forEach((path, line) -> {
            if (path.startsWith(start)) lines.put(path.substring(start.length()), line);
        });
        return new Detection(identifiers, conditions, lines);
    }

    static LogSource logSource(Object value) {
        if (value == null) return LogSource.ANY;
        if (!(value instanceof Map<?, ?> m)) throw new IllegalArgumentException("'logsource' must be a mapping");
        return new LogSource(text(m.get("product"), null), text(m.get("category"), null), text(m.get("service"), null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStringMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }

    private static Result problem(SourceLocation where, String reason) {
        return new Result.Problem(RuleProblem.at(where, reason));
    }

    static List<Object> asList(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
    }
}
