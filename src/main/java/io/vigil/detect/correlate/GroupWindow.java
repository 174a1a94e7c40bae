package io.vigil.detect.correlate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one correlation group inside a true sliding window: a ring buffer kept in time order
 * (an out-of-order event is moved back to its place), trimmed to the events no older than the timespan
 * before the newest one, with the aggregates (value counts, sum, per-rule counts) updated on every insert
 * and eviction so that a check costs O(1) (O(n) for ordered sequences). Not thread-safe.
 */
final class GroupWindow {

    /** One contributing match; {@code seq} orders events of equal time by arrival. */
    record Entry(long time, long seq, int ref, String value, double number, List<String> eventIds) {}

    private Entry[] ring = new Entry[4];
    private int head;
    private int size;
    private long newest = Long.MIN_VALUE;
    private final int[] refCounts;
    private final Map<String, Integer> valueCounts = new HashMap<>();
    private int valued;
    private double sum;
    private int numbers;
    String host;
    String user;

    GroupWindow(int refs) {
        this.refCounts = new int[refs];
    }

    /** Inserts in time order and evicts what slid out; false (nothing changed) when the entry is already too old. */
    boolean add(Entry e, long span) {
        if (size > 0 && e.time() < newest - span) return false;
        if (size == ring.length) grow();
        ring[index(size)] = e;
        size++;
        for (int i = size - 1; i > 0 && after(get(i - 1), e); i--) { // out of order: move back to its place
            ring[index(i)] = get(i - 1);
            ring[index(i - 1)] = e;
        }
        newest = Math.max(newest, e.time());
        account(e, 1);
        while (size > 0 && get(0).time() < newest - span) dropOldest();
        return true;
    }

    private static boolean after(Entry a, Entry b) {
        return a.time() > b.time() || a.time() == b.time() && a.seq() > b.seq();
    }

    void dropOldest() {
        Entry e = get(0);
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        account(e, -1);
    }

    private void account(Entry e, int sign) {
        refCounts[e.ref()] += sign;
        if (e.value() != null) {
            valued += sign;
            valueCounts.merge(e.value(), sign, (a, b) -> a + b == 0 ? null : a + b);
        }
        if (!Double.isNaN(e.number())) {
            sum += sign * e.number();
            numbers += sign;
        }
    }

    Entry get(int i) {
        return ring[index(i)];
    }

    private int index(int i) {
        return (head + i) & (ring.length - 1);
    }

    private void grow() {
        Entry[] bigger = new Entry[ring.length * 2];
        for (int i = 0; i < size; i++) bigger[i] = get(i);
        ring = bigger;
        head = 0;
    }

    int size() {
        return size;
    }

    long newest() {
        return newest;
    }

    /** The value the condition is tested on; NaN when there is none (no numbers, newest event without value). */
    double aggregate(CorrelationType type, Entry latest) {
        return switch (type) {
            case EVENT_COUNT -> size;
            case VALUE_COUNT -> valueCounts.size();
            case VALUE_SUM -> numbers == 0 ? Double.NaN : sum;
            case VALUE_AVG -> numbers == 0 ? Double.NaN : sum / numbers;
            case VALUE_PERCENTILE -> latest.value() == null ? Double.NaN
                    : 100.0 * valueCounts.getOrDefault(latest.value(), 0) / valued;
            case TEMPORAL -> distinctRefs();
            case TEMPORAL_ORDERED -> orderedPrefix();
        };
    }

    private int distinctRefs() {
        int n = 0;
        for (int c : refCounts) if (c > 0) n++;
        return n;
    }

    /** How many of the refs, in rule order, occur one after the other in time (greedy earliest match). */
    private int orderedPrefix() {
        int next = 0;
        for (int i = 0; i < size && next < refCounts.length; i++) if (get(i).ref() == next) next++;
        return next;
    }

    List<String> eventIds() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < size; i++) out.addAll(get(i).eventIds());
        return out;
    }

    long oldest() {
        return size == 0 ? newest : get(0).time();
    }
}
