package io.vigil.detect.value;

import java.util.List;

/** The modifiers that decide how a value is interpreted: re, cidr, exists, fieldref, comparisons, time parts. */
final class TerminalValues {

    private TerminalValues() {}

    static FieldCheck compile(ValueCompiler.Chain chain, Object value) {
        Modifier t = chain.terminal;
        return switch (t) {
            case EXISTS -> exists(chain, value);
            case RE -> new FieldCheck.Matches(List.of(regex(chain, ValueCompiler.scalarText(value))));
            case CIDR -> {
                requireNoTransforms(chain);
                yield new FieldCheck.Matches(List.of(new CidrTest(ValueCompiler.scalarText(value))));
            }
            case FIELDREF -> fieldRef(chain, ValueCompiler.scalarText(value));
            case GT, GTE, LT, LTE -> {
                requireNoTransforms(chain);
                yield new FieldCheck.Matches(List.of(new NumberTest(NumberTest.Op.valueOf(t.name()), number(value, t))));
            }
            default -> {
                requireNoTransforms(chain);
                yield new FieldCheck.Matches(List.of(new TimePartTest(t, (int) number(value, t))));
            }
        };
    }

    private static FieldCheck exists(ValueCompiler.Chain chain, Object value) {
        requireNoTransforms(chain);
        if (value instanceof Boolean b) return new FieldCheck.Exists(b);
        if ("true".equalsIgnoreCase(String.valueOf(value))) return new FieldCheck.Exists(true);
        if ("false".equalsIgnoreCase(String.valueOf(value))) return new FieldCheck.Exists(false);
        throw new IllegalArgumentException("'exists' needs true or false, found '" + value + "'");
    }

    /** startswith/endswith anchor an unanchored search; contains keeps it as is (search already is "contains"). */
    private static ValueTest regex(ValueCompiler.Chain chain, String regex) {
        String r = regex;
        for (Modifier m : chain.transforms) {
            switch (m) {
                case CONTAINS -> { }
                case STARTSWITH -> r = "\\A(?:" + r + ")";
                case ENDSWITH -> r = "(?:" + r + ")\\z";
                default -> throw new IllegalArgumentException("modifier '" + m.sigmaName() + "' cannot be combined with 're'");
            }
        }
        return new RegexTest(r, chain.regexFlags);
    }

    private static FieldCheck fieldRef(ValueCompiler.Chain chain, String other) {
        FieldCheck.SameAs.Position pos = FieldCheck.SameAs.Position.EQUALS;
        for (Modifier m : chain.transforms) {
            pos = switch (m) {
                case CONTAINS -> FieldCheck.SameAs.Position.CONTAINS;
                case STARTSWITH -> FieldCheck.SameAs.Position.STARTSWITH;
                case ENDSWITH -> FieldCheck.SameAs.Position.ENDSWITH;
                default -> throw new IllegalArgumentException("modifier '" + m.sigmaName() + "' cannot be combined with 'fieldref'");
            };
        }
        if (SigmaString.parse(other).hasWildcards()) throw new IllegalArgumentException("field references must not contain wildcards");
        return new FieldCheck.SameAs(other, pos, chain.cased);
    }

    private static double number(Object value, Modifier m) {
        if (value instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + m.sigmaName() + "' needs a number, found '" + value + "'");
        }
    }

    private static void requireNoTransforms(ValueCompiler.Chain chain) {
        if (!chain.transforms.isEmpty()) {
            throw new IllegalArgumentException("modifier '" + chain.transforms.get(0).sigmaName() + "' cannot be combined with '"
                    + chain.terminal.sigmaName() + "'");
        }
    }
}
