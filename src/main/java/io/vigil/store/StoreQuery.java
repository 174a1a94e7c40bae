package io.vigil.store;

import java.util.List;
import java.util.Objects;

/**
 * A query over stored events, independent of the backend. The search language compiles to this; the
 * Lucene and OpenSearch stores translate it. Field names are ECS dotted paths; {@code field == null}
 * means "the default text field" ({@code message}).
 */
public sealed interface StoreQuery {

    record MatchAll() implements StoreQuery {}

    /** Exact value (keyword), analyzed match (text), or equality (numbers, dates, IPs, CIDR for ip). */
    record Term(String field, String value) implements StoreQuery {}

    /** Words in order, on a text field. */
    record Phrase(String field, String text) implements StoreQuery {}

    /** {@code *} and {@code ?} wildcards. */
    record Wildcard(String field, String pattern) implements StoreQuery {}

    /** Bounds as text (numbers, ISO dates or "now-15m", IPs); null = unbounded. */
    record Range(String field, String lower, boolean includeLower, String upper, boolean includeUpper)
            implements StoreQuery {}

    /** The field has a value. */
    record Exists(String field) implements StoreQuery {}

    /** Boolean combination; an empty {@code must} and {@code should} with a non-empty {@code mustNot} means "all but". */
    record Bool(List<StoreQuery> must, List<StoreQuery> should, List<StoreQuery> mustNot) implements StoreQuery {
        public Bool {
            must = List.copyOf(must);
            should = List.copyOf(should);
            mustNot = List.copyOf(mustNot);
        }

        public static Bool and(List<StoreQuery> all) {
            return new Bool(all, List.of(), List.of());
        }

        public static Bool or(List<StoreQuery> any) {
            return new Bool(List.of(), any, List.of());
        }

        public static Bool not(StoreQuery q) {
            return new Bool(List.of(), List.of(), List.of(q));
        }
    }

    /** Events whose id is one of these. */
    record Ids(List<String> ids) implements StoreQuery {
        public Ids {
            ids = List.copyOf(ids);
        }
    }

    static StoreQuery all() {
        return new MatchAll();
    }

    static String requireField(String field) {
        return Objects.requireNonNull(field, "field");
    }
}
