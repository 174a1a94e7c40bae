package io.vigil.detect.correlate;

import java.util.Map;

/**
 * A correlation {@code condition}: every given bound must hold (a range is {@code gt} and {@code lte}
 * together). Null bounds are absent. {@link #ALWAYS} holds for any value.
 */
public record Threshold(Double gt, Double gte, Double lt, Double lte, Double eq, Double neq) {

    public static final Threshold ALWAYS = new Threshold(null, null, null, null, null, null);

    public boolean test(double v) {
        return (gt == null || v > gt) && (gte == null || v >= gte) && (lt == null || v < lt)
                && (lte == null || v <= lte) && (eq == null || v == eq) && (neq == null || v != neq);
    }

    public boolean isAlways() {
        return equals(ALWAYS);
    }

    /** Reads {@code gt/gte/lt/lte/eq/neq} from a condition mapping (other keys are the caller's). */
    static Threshold of(Map<String, Object> condition) {
        return new Threshold(number(condition, "gt"), number(condition, "gte"), number(condition, "lt"),
                number(condition, "lte"), number(condition, "eq"), number(condition, "neq"));
    }

    private static Double number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) return null;
        if (v instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("condition '" + key + "' must be a number, got '" + v + "'");
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        append(s, "gt", gt);
        append(s, "gte", gte);
        append(s, "lt", lt);
        append(s, "lte", lte);
        append(s, "eq", eq);
        append(s, "neq", neq);
        return s.isEmpty() ? "always" : s.toString();
    }

    private static void append(StringBuilder s, String name, Double v) {
        if (v == null) return;
        if (!s.isEmpty()) s.append(' ');
        s.append(name).append(' ').append(v % 1 == 0 ? String.valueOf(v.longValue()) : v.toString());
    }
}
