package io.vigil.detect.value;

/** {@code gt}, {@code gte}, {@code lt}, {@code lte}: the value parsed as a number compared to a bound. */
public record NumberTest(Op op, double bound) implements ValueTest {

    public enum Op { GT, GTE, LT, LTE }

    @Override
    public boolean test(String raw, String lower) {
        double v;
        try {
            v = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        return switch (op) {
            case GT -> v > bound;
            case GTE -> v >= bound;
            case LT -> v < bound;
            case LTE -> v <= bound;
        };
    }
}
