package io.vigil.store;

import io.vigil.event.EcsSchema;
import java.net.InetAddress;
import java.util.function.Function;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermRangeQuery;

/**
 * Range queries by field type: points for long/double/date/ip (exclusive bounds become the next value),
 * term ranges (UTF-8 order) for keyword, text and boolean. Dates accept ISO-8601 or epoch millis;
 * relative dates such as "now-15m" must be resolved by the caller.
 */
final class RangeQueries {

    Query range(String field, StoreQuery.Range r) {
        return switch (EcsSchema.typeOf(field)) {
            case LONG -> longRange(field, r, v -> FieldValues.toLong(v), "a whole number");
            case DATE -> longRange(field, r, v -> FieldValues.toEpochMillis(v), "an ISO-8601 date or epoch millis");
            case DOUBLE -> doubleRange(field, r);
            case IP -> ipRange(field, r);
            case KEYWORD, TEXT, BOOLEAN -> TermRangeQuery.newStringRange(field, r.lower(), r.upper(),
                    r.lower() == null || r.includeLower(), r.upper() == null || r.includeUpper());
        };
    }

    private static Query longRange(String field, StoreQuery.Range r, Function<String, Long> parse, String expected) {
        long lower = Long.MIN_VALUE;
        long upper = Long.MAX_VALUE;
        if (r.lower() != null) {
            long v = bound(field, r.lower(), parse, expected);
            if (!r.includeLower()) {
                if (v == Long.MAX_VALUE) return new MatchNoDocsQuery("empty range on " + field);
                v++;
            }
            lower = v;
        }
        if (r.upper() != null) {
            long v = bound(field, r.upper(), parse, expected);
            if (!r.includeUpper()) {
                if (v == Long.MIN_VALUE) return new MatchNoDocsQuery("empty range on " + field);
                v--;
            }
            upper = v;
        }
        return LongPoint.newRangeQuery(field, lower, upper);
    }

    private static <T> T bound(String field, String text, Function<String, T> parse, String expected) {
        T value = parse.apply(text);
        if (value == null) {
            throw new IllegalArgumentException("range on " + field + ": bound '" + text + "' is not " + expected
                    + (text.startsWith("now") ? " (resolve relative dates before calling the store)" : ""));
        }
        return value;
    }

    private static Query doubleRange(String field, StoreQuery.Range r) {
        double lower = Double.NEGATIVE_INFINITY;
        double upper = Double.POSITIVE_INFINITY;
        if (r.lower() != null) {
            double v = bound(field, r.lower(), FieldValues::toDouble, "a number");
            lower = r.includeLower() ? v : Math.nextUp(v);
        }
        if (r.upper() != null) {
            double v = bound(field, r.upper(), FieldValues::toDouble, "a number");
            upper = r.includeUpper() ? v : Math.nextDown(v);
        }
        return DoublePoint.newRangeQuery(field, lower, upper);
    }

    private static Query ipRange(String field, StoreQuery.Range r) {
        InetAddress lower = InetAddressPoint.MIN_VALUE;
        InetAddress upper = InetAddressPoint.MAX_VALUE;
        try {
            if (r.lower() != null) {
                InetAddress v = bound(field, r.lower(), FieldValues::toInetAddress, "an IP address");
                lower = r.includeLower() ? v : InetAddressPoint.nextUp(v);
            }
            if (r.upper() != null) {
                InetAddress v = bound(field, r.upper(), FieldValues::toInetAddress, "an IP address");
                upper = r.includeUpper() ? v : InetAddressPoint.nextDown(v);
            }
        } catch (ArithmeticException e) {
            return new MatchNoDocsQuery("empty range on " + field);
        }
        return InetAddressPoint.newRangeQuery(field, lower, upper);
    }
}
