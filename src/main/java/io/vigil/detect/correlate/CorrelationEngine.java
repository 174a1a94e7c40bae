package io.vigil.detect.correlate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates correlation rules over a stream of rule matches ({@link Observation}s), keeping one
 * {@link GroupWindow} per (correlation, group-by values).
 *
 * <p>Semantics: each time a match enters a group's window, the condition is tested on the events whose
 * time lies within the timespan before the newest event of the group (a true sliding window; late events
 * inside the window are placed in time order, events older than the window are counted in
 * {@link Stats#lateEvents} and ignored). When it holds, a {@link CorrelationMatch} is reported and the
 * group's window is emptied, so an event contributes to at most one match of a correlation (a long attack
 * gives one match per threshold's worth of events). {@code value_percentile} is the exception: it judges
 * the newest event against its group's population, so the window is kept. Temporal types without a
 * condition need every referenced rule. A correlation's match is itself an observation for the
 * correlations that refer to it (chains). Events lacking a group-by field do not take part (as in the
 * backends' group-by). Conditions are checked as events arrive: {@code lt}/{@code lte} describe "at most
 * N so far", not the absence of events over a full timespan.
 *
 * <p>Memory: at most {@link CorrelationLimits#maxGroups()} groups over all correlations (the least recently
 * updated one goes first) and {@link CorrelationLimits#maxEventsPerGroup()} events per group (the oldest
 * goes first). Each such drop is counted, and the next match carries {@code stateTruncated}. Groups whose
 * events all expired are swept as time advances. Not thread-safe: one engine per pipeline thread.
 *
 * <p>Durability: {@link #snapshot()} exports the whole state as a {@link CorrelationState} and
 * {@link #restore} rebuilds an engine from one, so that a restored engine fed the same observations in the
 * same order reports exactly the same matches as one that never stopped.
 */
public final class CorrelationEngine {

    private static final int SWEEP_EVERY = 1024;
    private static final int SWEEP_SCAN = 256;
    private static final int MAX_CHAIN_DEPTH = 16;

    /** Counters since the engine was created. */
    public record Stats(int groups, long evictedGroups, long droppedEvents, long lateEvents) {}

    private record StateKey(int correlation, List<String> values) {}

    private final CorrelationSet set;
    private final CorrelationLimits limits;
    private final LinkedHashMap<StateKey, GroupWindow> groups = new LinkedHashMap<>(64, 0.75f, true);
    private long seq;
    private long watermark = Long.MIN_VALUE;
    private long evictedGroups;
    private long droppedEvents;
    private long lateEvents;
    private boolean truncated;

    public CorrelationEngine(CorrelationSet set, CorrelationLimits limits) {
        this.set = set;
        this.limits = limits;
    }

    /**
     * An engine over {@code set} holding {@code state}: windows of correlations that no longer exist or whose
     * {@link CorrelationState.Shape} changed are dropped; the others are rebuilt by re-adding their events (so
     * the aggregates are recomputed), in their saved order, within the current limits.
     */
    public static CorrelationEngine restore(CorrelationSet set, CorrelationLimits limits, CorrelationState state) {
        CorrelationEngine engine = new CorrelationEngine(set, limits);
        engine.seq = state.seq();
        engine.watermark = state.watermark();
        engine.evictedGroups = state.evictedGroups();
        engine.droppedEvents = state.droppedEvents();
        engine.lateEvents = state.lateEvents();
        engine.truncated = state.truncated();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < set.correlations().size(); i++) {
            Correlation c = set.correlations().get(i);
            if (CorrelationState.Shape.of(c).equals(state.shapes().get(c.id()))) index.put(c.id(), i);
        }
        for (CorrelationState.Group g : state.groups()) {
            Integer i = index.get(g.correlation());
            if (i != null) engine.restoreGroup(i, g);
        }
        return engine;
    }

    private void restoreGroup(int index, CorrelationState.Group g) {
        Correlation c = set.correlations().get(index);
        if (g.values().size() != c.groupBy().size() || g.entries().isEmpty()) return;
        GroupWindow w = new GroupWindow(c.refs().size());
        for (CorrelationState.Item item : g.entries()) {
            if (item.ref() >= c.refs().size()) return; // not written by this shape: leave the window out
            double number = item.number() == null ? Double.NaN : item.number();
            w.add(new GroupWindow.Entry(item.time(), item.seq(), item.ref(), item.value(), number, item.eventIds()),
                    c.timespanMillis());
            if (w.size() > limits.maxEventsPerGroup()) {
                w.dropOldest();
                droppedEvents++;
                truncated = true;
            }
        }
        w.host = g.host();
        w.user = g.user();
        groups.put(new StateKey(index, g.values()), w);
        enforceGroupCap();
    }

    /** The whole state as a value; the engine is unchanged. */
    public CorrelationState snapshot() {
        Map<String, CorrelationState.Shape> shapes = new HashMap<>();
        for (Correlation c : set.correlations()) shapes.put(c.id(), CorrelationState.Shape.of(c));
        List<CorrelationState.Group> out = new ArrayList<>(groups.size());
        for (Map.Entry<StateKey, GroupWindow> e : groups.entrySet()) {
            GroupWindow w = e.getValue();
            List<CorrelationState.Item> items = new ArrayList<>(w.size());
            for (int i = 0; i < w.size(); i++) {
                GroupWindow.Entry x = w.get(i);
                items.add(new CorrelationState.Item(x.time(), x.seq(), x.ref(), x.value(),
                        Double.isNaN(x.number()) ? null : x.number(), x.eventIds()));
            }
            String id = set.correlations().get(e.getKey().correlation()).id();
            out.add(new CorrelationState.Group(id, e.getKey().values(), w.host, w.user, items));
        }
        return new CorrelationState(seq, watermark, evictedGroups, droppedEvents, lateEvents, truncated, shapes, out);
    }

    public CorrelationSet correlations() {
        return set;
    }

    /** Feeds one match; returns the correlations it completed (chained ones after the inner one). */
    public List<CorrelationMatch> accept(Observation o) {
        if (!set.listeners().containsKey(o.ruleId())) return List.of();
        List<CorrelationMatch> out = new ArrayList<>(0);
        feed(o, out, 0);
        if (++seq % SWEEP_EVERY == 0) sweep();
        return out;
    }

    private void feed(Observation o, List<CorrelationMatch> out, int depth) {
        List<CorrelationSet.Listener> listeners = set.listeners().get(o.ruleId());
        if (listeners == null || depth > MAX_CHAIN_DEPTH) return;
        watermark = Math.max(watermark, o.time());
        for (CorrelationSet.Listener l : listeners) {
            CorrelationMatch m = update(set.correlations().get(l.correlation()), l, o);
            if (m == null) continue;
            out.add(m);
            feed(new Observation(m.correlation().id(), m.lastTime(), m.eventIds(), m.group()::get, m.host(), m.user()),
                    out, depth + 1);
        }
    }

    private CorrelationMatch update(Correlation c, CorrelationSet.Listener l, Observation o) {
        List<String> key = groupValues(c.groupFields().get(l.ref()), o);
        if (key == null) return null;
        StateKey stateKey = new StateKey(l.correlation(), key);
        GroupWindow w = groups.get(stateKey);
        if (w == null) {
            w = new GroupWindow(c.refs().size());
            groups.put(stateKey, w);
            enforceGroupCap();
        }
        GroupWindow.Entry e = entry(c, l.ref(), o);
        if (!w.add(e, c.timespanMillis())) {
            lateEvents++;
            return null;
        }
        if (w.size() > limits.maxEventsPerGroup()) {
            w.dropOldest();
            droppedEvents++;
            truncated = true;
        }
        if (o.host() != null) w.host = o.host();
        if (o.user() != null) w.user = o.user();
        double value = w.aggregate(c.type(), e);
        boolean holds = !Double.isNaN(value) && (c.threshold().isAlways() ? value >= c.refs().size() : c.threshold().test(value));
        return holds ? fire(c, stateKey, w, e, value) : null;
    }

    private CorrelationMatch fire(Correlation c, StateKey key, GroupWindow w, GroupWindow.Entry latest, double value) {
        Map<String, String> group = new LinkedHashMap<>();
        for (int i = 0; i < c.groupBy().size(); i++) group.put(c.groupBy().get(i), key.values().get(i));
        boolean perEvent = c.type() == CorrelationType.VALUE_PERCENTILE;
        List<String> ids = perEvent ? latest.eventIds() : w.eventIds();
        long first = perEvent ? latest.time() : w.oldest();
        CorrelationMatch m = new CorrelationMatch(c, group, ids, first, perEvent ? latest.time() : w.newest(), value,
                truncated, w.host, w.user);
        truncated = false;
        if (!perEvent) groups.remove(key);
        return m;
    }

    private static List<String> groupValues(List<String> fields, Observation o) {
        String[] values = new String[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = o.field().apply(fields.get(i));
            if (values[i] == null) return null;
        }
        return List.of(values);
    }

    private GroupWindow.Entry entry(Correlation c, int ref, Observation o) {
        List<String> fields = c.valueFields().get(ref);
        String value = null;
        double number = Double.NaN;
        if (!fields.isEmpty()) {
            StringBuilder joined = new StringBuilder();
            for (String f : fields) {
                String v = o.field().apply(f);
                if (v == null) {
                    joined = null;
                    break;
                }
                if (!joined.isEmpty()) joined.append('\u001f');
                joined.append(v);
            }
            value = joined == null ? null : joined.toString();
            if (value != null && (c.type() == CorrelationType.VALUE_SUM || c.type() == CorrelationType.VALUE_AVG)) {
                number = parse(value);
            }
        }
        return new GroupWindow.Entry(o.time(), seq, ref, value, number, o.eventIds());
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void enforceGroupCap() {
        Iterator<GroupWindow> eldest = groups.values().iterator();
        while (groups.size() > limits.maxGroups() && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
            evictedGroups++;
            truncated = true;
        }
    }

    /** Drops groups whose newest event is older than their timespan before the newest time seen. */
    private void sweep() {
        Iterator<Map.Entry<StateKey, GroupWindow>> it = groups.entrySet().iterator();
        for (int scanned = 0; scanned < SWEEP_SCAN && it.hasNext(); scanned++) {
            Map.Entry<StateKey, GroupWindow> e = it.next();
            long span = set.correlations().get(e.getKey().correlation()).timespanMillis();
            if (e.getValue().newest() < watermark - span) it.remove();
        }
    }

    public Stats stats() {
        return new Stats(groups.size(), evictedGroups, droppedEvents, lateEvents);
    }
}
