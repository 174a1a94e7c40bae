package io.vigil.detect.value;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a detection item's modifier chain to its values, as pySigma does: string transformations in
 * the order written ({@code contains}, {@code base64offset}, {@code windash}, ...), then one terminal
 * interpretation ({@code re}, {@code cidr}, {@code gt}, {@code exists}, {@code fieldref}, time parts) and
 * the flags {@code all}, {@code cased}, {@code neq}. Throws {@link IllegalArgumentException} with the reason
 * when the combination cannot be supported.
 */
public final class ValueCompiler {

    private static final Set<Modifier> TERMINAL = EnumSet.of(Modifier.RE, Modifier.CIDR, Modifier.EXISTS,
            Modifier.FIELDREF, Modifier.GT, Modifier.GTE, Modifier.LT, Modifier.LTE, Modifier.MINUTE, Modifier.HOUR,
            Modifier.DAY, Modifier.WEEK, Modifier.MONTH, Modifier.YEAR);

    /**
     * In the reason of every rejection for a placeholder without configured values: such a rule is not broken,
     * it waits for site-specific values ({@code detect placeholders}), and load shares leave it out.
     */
    public static final String UNCONFIGURED_PLACEHOLDER = "has no configured values";

    private final Map<String, List<String>> placeholders;

    /** @param placeholders values for {@code %name%} placeholders of the {@code expand} modifier */
    public ValueCompiler(Map<String, List<String>> placeholders) {
        this.placeholders = Map.copyOf(placeholders);
    }

    /**
     * @param keyword true for field-less (keyword) values, which match anywhere in a value
     */
    public FieldCheck compile(List<String> modifierNames, List<Object> values, boolean keyword) {
        List<Modifier> mods = new ArrayList<>();
        for (String name : modifierNames) mods.add(Modifier.byName(name));
        Chain chain = Chain.of(mods);
        if (values.isEmpty()) throw new IllegalArgumentException("empty value list");
        List<FieldCheck> checks = new ArrayList<>();
        for (Object value : values) checks.add(compileOne(chain, value, keyword));
        FieldCheck combined = checks.size() == 1 ? checks.get(0)
                : chain.all ? new FieldCheck.AllOf(checks) : new FieldCheck.AnyOf(checks);
        return chain.neq ? new FieldCheck.Not(combined) : combined;
    }

    private FieldCheck compileOne(Chain chain, Object value, boolean keyword) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new IllegalArgumentException("a value must be a scalar, found a nested " +
                    (value instanceof Map<?, ?> ? "mapping" : "list"));
        }
        if (chain.terminal == null && value == null) return new FieldCheck.IsNull();
        if (chain.terminal != null) return TerminalValues.compile(chain, value);
        List<ValueTest> alternatives = new ArrayList<>();
        for (String raw : expand(chain, scalarText(value))) {
            for (SigmaString s : chain.transform(SigmaString.parse(raw), keyword)) {
                alternatives.add(new Glob(s, chain.cased));
            }
        }
        return new FieldCheck.Matches(alternatives);
    }

    private List<String> expand(Chain chain, String raw) {
        if (!chain.expand) return List.of(raw);
        List<String> out = new ArrayList<>(List.of(""));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("%([A-Za-z0-9_.\\-]+)%").matcher(raw);
        int last = 0;
        while (m.find()) {
            List<String> values = placeholders.get(m.group(1));
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("placeholder %" + m.group(1) + "% " + UNCONFIGURED_PLACEHOLDER
                        + "; define it under detect placeholders");
            }
            String between = raw.substring(last, m.start());
            List<String> next = new ArrayList<>();
            for (String prefix : out) for (String v : values) next.add(prefix + between + v);
            out = next;
            last = m.end();
        }
        String tail = raw.substring(last);
        out.replaceAll(p -> p + tail);
        return out;
    }

    static String scalarText(Object value) {
        if (value == null) throw new IllegalArgumentException("null cannot be combined with these modifiers");
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) return String.valueOf(d);
        return value.toString();
    }

    /** The parsed modifier chain: ordered string transformations, one terminal, and flags. */
    static final class Chain {
        final List<Modifier> transforms = new ArrayList<>();
        Modifier terminal;
        boolean all, cased, neq, expand;
        int regexFlags;

        static Chain of(List<Modifier> mods) {
            Chain c = new Chain();
            for (Modifier m : mods) {
                switch (m) {
                    case ALL -> c.all = true;
                    case CASED -> c.cased = true;
                    case NEQ -> c.neq = true;
                    case EXPAND -> c.expand = true;
                    case IGNORECASE -> c.regexFlags |= com.google.re2j.Pattern.CASE_INSENSITIVE;
                    case MULTILINE -> c.regexFlags |= com.google.re2j.Pattern.MULTILINE;
                    case DOTALL -> c.regexFlags |= com.google.re2j.Pattern.DOTALL;
                    default -> c.place(m);
                }
            }
            if (c.regexFlags != 0 && c.terminal != Modifier.RE) {
                throw new IllegalArgumentException("regular expression flags (i, m, s) need the 're' modifier");
            }
            return c;
        }

        private void place(Modifier m) {
            if (TERMINAL.contains(m)) {
                if (terminal != null) throw new IllegalArgumentException("modifiers '" + terminal.sigmaName()
                        + "' and '" + m.sigmaName() + "' cannot be combined");
                terminal = m;
            } else {
                if (terminal != null && terminal != Modifier.RE && terminal != Modifier.FIELDREF) {
                    throw new IllegalArgumentException("modifier '" + m.sigmaName() + "' cannot follow '"
                            + terminal.sigmaName() + "'");
                }
                transforms.add(m);
            }
        }

        List<SigmaString> transform(SigmaString start, boolean keyword) {
            List<SigmaString> current = List.of(start);
            boolean bytes = false;
            for (Modifier m : transforms) {
                List<SigmaString> next = new ArrayList<>();
                for (SigmaString s : current) next.addAll(StringTransforms.apply(m, s, bytes));
                bytes |= m == Modifier.WIDE || m == Modifier.UTF16 || m == Modifier.UTF16BE;
                if (m == Modifier.BASE64 || m == Modifier.BASE64OFFSET) bytes = false;
                current = next;
            }
            if (!keyword) return current;
            List<SigmaString> wrapped = new ArrayList<>();
            for (SigmaString s : current) {
                SigmaString w = s.startsWithAny() ? s : s.prependAny();
                wrapped.add(w.endsWithAny() ? w : w.appendAny());
            }
            return wrapped;
        }
    }
}
