package io.vigil.search;

import io.vigil.search.TimeExpressions.Rounding;
import io.vigil.store.StoreQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces date-math range bounds ({@code @timestamp:[now-1d/d TO now]}) with epoch milliseconds, so that one
 * request sees one "now" (the service's clock, shared with {@code from}/{@code to}) and stores need no date math.
 * Rounding follows Elasticsearch: {@code [now/d} and {@code now/d}} round down, {@code now/d]} and {@code {now/d}
 * round up to the last millisecond of the day. Only text that can be nothing but date math is touched
 * ({@link TimeExpressions#isDateMath}); ISO dates, numbers and IPs stay as they are for the store to read by type.
 */
final class DateMathResolver {
    private DateMathResolver() {}

    static StoreQuery resolve(StoreQuery query, Clock clock) throws SearchException {
        return switch (query) {
            case StoreQuery.Range r -> new StoreQuery.Range(r.field(),
                    bound(r.lower(), clock, r.includeLower() ? Rounding.DOWN : Rounding.UP_TO_LAST), r.includeLower(),
                    bound(r.upper(), clock, r.includeUpper() ? Rounding.UP_TO_LAST : Rounding.DOWN), r.includeUpper());
            case StoreQuery.Bool b -> new StoreQuery.Bool(all(b.must(), clock), all(b.should(), clock), all(b.mustNot(), clock));
            default -> query;
        };
    }

    private static List<StoreQuery> all(List<StoreQuery> queries, Clock clock) throws SearchException {
        List<StoreQuery> resolved = new ArrayList<>(queries.size());
        for (StoreQuery q : queries) resolved.add(resolve(q, clock));
        return resolved;
    }

    private static String bound(String bound, Clock clock, Rounding rounding) throws SearchException {
        if (!TimeExpressions.isDateMath(bound)) return bound;
        try {
            return Long.toString(TimeExpressions.parse(bound, clock, rounding));
        } catch (SearchException e) {
            throw new SearchException("range bound '" + bound + "': " + e.getMessage(), -1);
        }
    }
}
