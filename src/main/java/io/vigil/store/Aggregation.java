package io.vigil.store;

/** Aggregations the store computes over the matching events. */
public sealed interface Aggregation {
    /** Most frequent values of a field. */
    record Terms(String field, int size) implements Aggregation {}

    /** Counts per fixed interval of a date field (usually {@code @timestamp}). */
    record DateHistogram(String field, long intervalMillis) implements Aggregation {}

    /** Number of distinct values (exact up to the store's limit, then approximate). */
    record Cardinality(String field) implements Aggregation {}

    /** count/min/max/avg/sum of a numeric field. */
    record Stats(String field) implements Aggregation {}
}
