package io.vigil.search;

import io.vigil.store.StoreQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prints a {@link StoreQuery} in the query language, escaping what needs it. For every query in the shapes
 * {@link QueryParser} produces, {@code parse(print(q))} equals {@code q}. Other shapes print to an equivalent
 * query: a Bool with both {@code must} and {@code should} prints the should clauses as one required OR group,
 * and {@link StoreQuery.Ids} prints as {@code _id:} terms.
 */
public final class QueryPrinter {
    private static final Set<String> KEYWORDS = Set.of("AND", "and", "OR", "or", "NOT", "not", "TO", QueryParser.EXISTS_FIELD);

    private QueryPrinter() {}

    public static String print(StoreQuery query) {
        return switch (query) {
            case StoreQuery.MatchAll m -> "*";
            case StoreQuery.Term t -> prefix(t.field()) + (t.value().isEmpty() ? "\"\"" : escape(t.value(), false));
            case StoreQuery.Phrase p -> prefix(p.field()) + quote(p.text());
            case StoreQuery.Wildcard w -> prefix(w.field()) + escape(w.pattern(), true);
            case StoreQuery.Exists e -> escape(e.field(), false) + ":*";
            case StoreQuery.Range r -> prefix(r.field()) + (r.includeLower() ? "[" : "{") + bound(r.lower()) + " TO "
                    + bound(r.upper()) + (r.includeUpper() ? "]" : "}");
            case StoreQuery.Bool b -> bool(b);
            case StoreQuery.Ids ids -> ids.ids().isEmpty() ? "NOT *"
                    : String.join(" OR ", ids.ids().stream().map(id -> "_id:" + escape(id, false)).toList());
        };
    }

    private static String bool(StoreQuery.Bool b) {
        if (b.must().isEmpty() && b.mustNot().isEmpty()) {
            return b.should().isEmpty() ? "*" : join(b.should());
        }
        List<String> parts = new ArrayList<>();
        for (StoreQuery q : b.must()) parts.add(nested(q));
        if (!b.should().isEmpty()) parts.add("(" + join(b.should()) + ")");
        for (StoreQuery q : b.mustNot()) parts.add("NOT " + nested(q));
        return String.join(" AND ", parts);
    }

    private static String join(List<StoreQuery> any) {
        List<String> parts = new ArrayList<>(any.size());
        for (StoreQuery q : any) parts.add(nested(q));
        return String.join(" OR ", parts);
    }

    private static String nested(StoreQuery q) {
        return q instanceof StoreQuery.Bool ? "(" + print(q) + ")" : print(q);
    }

    private static String prefix(String field) {
        return field == null ? "" : escape(field, false) + ":";
    }

    private static String bound(String bound) {
        if (bound == null) return "*";
        return bound.isEmpty() ? "\"\"" : escape(bound, false);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Escapes every character the lexer treats specially. For a wildcard pattern, {@code *} and {@code ?}
     * stay operators and the pattern's own escapes ({@code \*}) are kept as they are.
     */
    static String escape(String text, boolean pattern) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        if (KEYWORDS.contains(text)) out.append('\\');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (pattern && c == '\\' && i + 1 < text.length()) {
                out.append(c).append(text.charAt(++i));
                continue;
            }
            if (pattern && (c == '*' || c == '?')) {
                out.append(c);
                continue;
            }
            if (needsEscape(c, i == 0)) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }

    private static boolean needsEscape(char c, boolean first) {
        return switch (c) {
            case '\\', '(', ')', '[', ']', '{', '}', '"', '<', '>', ':', '*', '?', '&', '|' -> true;
            case '-', '+', '!' -> first;
            default -> Character.isWhitespace(c);
        };
    }
}
