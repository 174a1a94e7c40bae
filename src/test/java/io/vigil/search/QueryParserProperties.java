package io.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.store.StoreQuery;
import io.vigil.store.StoreQuery.Bool;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** jqwik prints the seed of a failing run; rerun it with {@code @Property(seed = "...")}. */
class QueryParserProperties {
    private static final String SPECIALS = "ab z09-+!:\\()[]{}\"<>*?&|/.@é\t_";

    // (a) robustness: any input either parses or fails with a SearchException carrying a sane position

    @Property(tries = 2_000)
    void randomInputOnlyEverFailsWithASearchException(@ForAll("noise") String query) {
        parseOrExplain(query);
    }

    @Property(tries = 1_000)
    void truncatedQueriesOnlyEverFailWithASearchException(@ForAll("canonicalQueries") StoreQuery q,
                                                          @ForAll @IntRange(min = 0, max = 1_000) int cut) {
        String text = QueryPrinter.print(q);
        parseOrExplain(text.substring(0, Math.min(cut, text.length())));
    }

    @Property(tries = 50)
    void hugeInputsFailCleanly(@ForAll("hugeNoise") String query) {
        parseOrExplain(query);
    }

    private static void parseOrExplain(String query) {
        try {
            StoreQuery parsed = QueryParser.parse(query);
            assertThat(boolDepth(parsed)).isLessThanOrEqualTo(2 * (QueryParser.MAX_DEPTH + 1));
        } catch (SearchException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.position()).isBetween(0, Math.min(query.length(), QueryParser.MAX_LENGTH));
        }
    }

    private static int boolDepth(StoreQuery q) {
        if (!(q instanceof Bool b)) return 0;
        int deepest = 0;
        for (List<StoreQuery> part : List.of(b.must(), b.should(), b.mustNot())) {
            for (StoreQuery child : part) deepest = Math.max(deepest, boolDepth(child));
        }
        return deepest + 1;
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> chars = Arbitraries.strings().withChars(SPECIALS).ofMaxLength(40);
        Arbitrary<String> words = Arbitraries.of("AND", "OR", "NOT", "TO", "and", "||", "&&", "_exists_:", "f:", "[", "]",
                "{", "}", "(", ")", "\"", "\\", "*", ">=", "<", " ", "x", "-", "!").list().ofMaxSize(20).map(l -> String.join("", l));
        return Arbitraries.oneOf(chars, words, Arbitraries.strings().ofMaxLength(30));
    }

    @Provide
    Arbitrary<String> hugeNoise() {
        Arbitrary<String> unit = Arbitraries.of("(", "NOT ", "-", "!", "a:(", "((a", "\"", "[", "a OR ", "\\\\");
        return Combinators.combine(unit, Arbitraries.integers().between(1_000, 12_000))
                .as((u, n) -> u.repeat(n / u.length() + 1).substring(0, n));
    }

    // (b) round trip: print(q) parses back to q for every query shape the parser produces

    @Property(tries = 2_000)
    void printedQueriesParseBackToTheSameQuery(@ForAll("canonicalQueries") StoreQuery q) throws SearchException {
        assertThat(QueryParser.parse(QueryPrinter.print(q))).isEqualTo(q);
    }

    @Provide
    Arbitrary<StoreQuery> canonicalQueries() {
        return query(4);
    }

    private Arbitrary<StoreQuery> query(int depth) {
        if (depth == 0) return leaf();
        Arbitrary<StoreQuery> child = Arbitraries.lazy(() -> query(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf()),
                Tuple.of(1, child.list().ofMinSize(2).ofMaxSize(3).map(Bool::or)),
                Tuple.of(1, child.list().ofMinSize(2).ofMaxSize(3).map(QueryParserProperties::canonicalAnd)),
                Tuple.of(1, child.map(Bool::not)));
    }

    /** How the parser shapes an AND: negated clauses go to mustNot. */
    private static StoreQuery canonicalAnd(List<StoreQuery> clauses) {
        List<StoreQuery> must = new ArrayList<>();
        List<StoreQuery> mustNot = new ArrayList<>();
        for (StoreQuery c : clauses) {
            if (QueryParser.isSingleNegation(c)) mustNot.add(((Bool) c).mustNot().get(0));
            else must.add(c);
        }
        return new Bool(must, List.of(), mustNot);
    }

    private Arbitrary<StoreQuery> leaf() {
        Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.of("host.name", "@timestamp", "event.code", "winlog.event_data.TargetUserName", "source.ip"),
                text(1, 8).filter(f -> !f.equals(QueryParser.EXISTS_FIELD)));
        Arbitrary<String> optionalField = Arbitraries.oneOf(field, Arbitraries.just(null));
        Arbitrary<String> bound = Arbitraries.oneOf(text(0, 8), Arbitraries.just(null),
                Arbitraries.of("now-15m", "now/d", "10.0.0.0/8", "2026-11-29T10:00:00Z", "-5", "*", "TO"));
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Arbitraries.oneOf(
                Arbitraries.just(StoreQuery.all()),
                Combinators.combine(optionalField, value()).as(StoreQuery.Term::new),
                Combinators.combine(optionalField, text(0, 10)).as(StoreQuery.Phrase::new),
                Combinators.combine(optionalField, pattern()).as(StoreQuery.Wildcard::new),
                field.map(StoreQuery.Exists::new),
                Combinators.combine(field, bound, flag, bound, flag).as(StoreQuery.Range::new));
    }

    private static Arbitrary<String> text(int min, int max) {
        return Arbitraries.strings().withChars(SPECIALS).ofMinLength(min).ofMaxLength(max);
    }

    private static Arbitrary<String> value() {
        return Arbitraries.oneOf(text(1, 10), Arbitraries.of("AND", "or", "NOT", "TO", "_exists_", "C:\\Windows\\cmd.exe",
                "10.0.0.0/8", "fe80::1", "now-15m", "-1", "*", "?"));
    }

    /** A wildcard pattern: at least one unescaped * or ?, never just "*" (that is Exists), literals escaped. */
    private static Arbitrary<String> pattern() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of("*", "?"),
                Arbitraries.strings().withChars(SPECIALS).ofLength(1)
                        .map(c -> "*?\\".contains(c) ? "\\" + c : c));
        return piece.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l))
                .filter(p -> (p.replace("\\*", "").replace("\\?", "").contains("*")
                        || p.replace("\\*", "").replace("\\?", "").contains("?")) && !p.equals("*"));
    }
}
