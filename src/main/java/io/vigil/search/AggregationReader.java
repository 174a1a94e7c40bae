package io.vigil.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.event.EcsFields;
import io.vigil.store.Aggregation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code aggs} object of a search request, in Elasticsearch's shapes:
 * {@code terms} (field, size), {@code date_histogram} (field, one of fixed_interval / interval /
 * calendar_interval), {@code cardinality} (field) and {@code stats} (field). A calendar interval is accepted
 * only for units of fixed length (minute, hour, day, week) and then used as a fixed interval: months and
 * years vary in length, which a fixed-interval store cannot bucket. Sub-aggregations are not supported.
 */
final class AggregationReader {
    static final int MAX_AGGREGATIONS = 20;
    static final int MAX_TERMS_SIZE = 10_000;
    static final int DEFAULT_TERMS_SIZE = 10;
    /** The most buckets a date histogram may produce over the requested time range (Elasticsearch allows 65,536). */
    static final long MAX_BUCKETS = 10_000;
    private static final Pattern INTERVAL = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");
    private static final Map<String, String> CALENDAR_NAMES = Map.of("minute", "1m", "hour", "1h", "day", "1d", "week", "1w");

    private AggregationReader() {}

    static Map<String, Aggregation> read(JsonNode aggs, long from, long to) throws SearchException {
        if (aggs == null || aggs.isNull()) return Map.of();
        if (!aggs.isObject()) throw new SearchException("'aggs' must be an object of named aggregations", -1);
        if (aggs.size() > MAX_AGGREGATIONS) {
            throw new SearchException("a search may ask for at most " + MAX_AGGREGATIONS + " aggregations, got " + aggs.size(), -1);
        }
        Map<String, Aggregation> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : aggs.properties()) {
            result.put(e.getKey(), one(e.getKey(), e.getValue(), from, to));
        }
        return result;
    }

    private static Aggregation one(String name, JsonNode spec, long from, long to) throws SearchException {
        if (!spec.isObject() || spec.size() != 1) {
            String extra = spec.isObject() && (spec.has("aggs") || spec.has("aggregations")) ? "; sub-aggregations are not supported" : "";
            throw new SearchException("aggregation '" + name + "' must be an object with exactly one of terms, "
                    + "date_histogram, cardinality, stats" + extra, -1);
        }
        String type = spec.fieldNames().next();
        JsonNode body = spec.get(type);
        if (!body.isObject()) throw new SearchException("aggregation '" + name + "': '" + type + "' must be an object", -1);
        String where = "aggregation '" + name + "' (" + type + ")";
        return switch (type) {
            case "terms" -> {
                JsonFields.requireOnly(body, Set.of("field", "size"), where);
                yield new Aggregation.Terms(field(body, where), termsSize(body, where));
            }
            case "date_histogram" -> dateHistogram(body, where, from, to);
            case "cardinality" -> {
                JsonFields.requireOnly(body, Set.of("field"), where);
                yield new Aggregation.Cardinality(field(body, where));
            }
            case "stats" -> {
                JsonFields.requireOnly(body, Set.of("field"), where);
                yield new Aggregation.Stats(field(body, where));
            }
            default -> throw new SearchException("aggregation '" + name + "' has unknown type '" + type
                    + "'; supported: terms, date_histogram, cardinality, stats", -1);
        };
    }

    private static String field(JsonNode body, String where) throws SearchException {
        String field = JsonFields.optionalText(body, "field");
        if (field == null || field.isBlank()) throw new SearchException(where + " needs a \"field\"", -1);
        return field;
    }

    private static int termsSize(JsonNode body, String where) throws SearchException {
        JsonNode size = body.get("size");
        if (size == null) return DEFAULT_TERMS_SIZE;
        if (!size.isIntegralNumber() || size.longValue() < 1 || size.longValue() > MAX_TERMS_SIZE) {
            throw new SearchException(where + ": size must be an integer from 1 to " + MAX_TERMS_SIZE + ", got " + size, -1);
        }
        return size.intValue();
    }

    private static Aggregation dateHistogram(JsonNode body, String where, long from, long to) throws SearchException {
        JsonFields.requireOnly(body, Set.of("field", "fixed_interval", "interval", "calendar_interval"), where);
        String field = body.has("field") ? field(body, where) : EcsFields.TIMESTAMP;
        int given = (body.has("fixed_interval") ? 1 : 0) + (body.has("interval") ? 1 : 0) + (body.has("calendar_interval") ? 1 : 0);
        if (given != 1) {
            throw new SearchException(where + " needs exactly one of fixed_interval, interval, calendar_interval", -1);
        }
        long interval;
        if (body.has("calendar_interval")) {
            interval = calendarInterval(JsonFields.optionalText(body, "calendar_interval"), where);
        } else {
            String key = body.has("fixed_interval") ? "fixed_interval" : "interval";
            interval = fixedInterval(JsonFields.optionalText(body, key), where);
        }
        long buckets = (to - from) / interval + 1;
        if (buckets > MAX_BUCKETS) {
            throw new SearchException(where + " would make " + buckets + " buckets over the time range; the limit is "
                    + MAX_BUCKETS + ", use a larger interval or a shorter range", -1);
        }
        return new Aggregation.DateHistogram(field, interval);
    }

    /** "30s", "5m", "1h", "1d", "1w", "500ms" to milliseconds. */
    static long fixedInterval(String text, String where) throws SearchException {
        Matcher m = text == null ? null : INTERVAL.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new SearchException(where + ": interval '" + text + "' must be a number and a unit (ms, s, m, h, d, w), e.g. 1h", -1);
        }
        long unit = switch (m.group(2)) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            default -> 7 * 86_400_000L;
        };
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
            if (amount == 0) throw new SearchException(where + ": interval must be positive, got '" + text + "'", -1);
            return Math.multiplyExact(amount, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new SearchException(where + ": interval '" + text + "' is too large", -1);
        }
    }

    private static long calendarInterval(String text, String where) throws SearchException {
        String normalized = text == null ? "" : CALENDAR_NAMES.getOrDefault(text.strip().toLowerCase(Locale.ROOT), text.strip());
        if (!normalized.matches("1[mhdw]")) {
            throw new SearchException(where + ": calendar_interval '" + text + "' is not supported; only 1m, 1h, 1d, 1w "
                    + "(months and years vary in length: use fixed_interval, e.g. 30d)", -1);
        }
        return fixedInterval(normalized, where);
    }
}
