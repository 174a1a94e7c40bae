package io.vigil.detect.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * What to do for events with one combination of route keys: the routed rules that always run, those that
 * run when one of their fields is present ({@link RequiredFields}: they need no literal, but some field),
 * and for the others a literal scan of the event's fields. The scan walks the event's own fields
 * once: each field key is looked up once in a table (per {@link Dialect}) giving the one automaton for
 * every literal that can concern that key — those of the slots the key may supply plus, when keyword rules
 * are routed here, the keyword literals — so no value is scanned twice and absent fields cost nothing.
 * Scanning a key for a slot that an earlier key of the slot's mapping would supply is a harmless superset:
 * the prefilter may only report too many rules, never too few. Rules are kept as bit masks over the rule
 * list, so matches come out in rule order and a rule filed under several of the event's routes runs once.
 * Immutable and thread-safe (per-dialect tables are built on first use); cached by the rule set.
 */
public final class RoutePlan {

    private final List<CompiledRule> rules;
    private final int words;
    private final long[] always;
    /** For clause c (1 and up), at c - 1: the routed rules with fewer clauses, which pass that clause unscanned. */
    private final long[][] lacking;
    /** Slot (or {@link LiteralIndex#KEYWORDS}) to the ascending indexes of routed rules with a literal there. */
    private final Map<Integer, List<Integer>> bySlot = new TreeMap<>();
    /** Slot to the ascending indexes of routed rules without literals that need one of their slots present. */
    private final Map<Integer, List<Integer>> byPresence = new TreeMap<>();
    private final LiteralIndex index;
    private final String[][][] fieldKeys;
    private final AtomicReferenceArray<FieldScans> scans = new AtomicReferenceArray<>(Dialect.values().length);
    private final boolean empty;

    /** The scan of each event key that some routed literal concerns, and the scanner for every other text field. */
    private record FieldScans(HashMap<String, KeyScan> byKey, LiteralIndex.Scanner otherKeys) {}

    /**
     * What one event key triggers: the bits of the rules that need it present, and the scan for the literals
     * of the slots it may supply (with the keyword pseudo-slot when keyword rules are routed here), whose
     * automaton is built on the first event that has the key. Built lazily because a plan's slots name
     * several times more keys than its events carry, and each automaton merges in the keyword literals:
     * eager building tripled the detection heap.
     */
    private final class KeyScan {
        private final int[] gated;
        private final List<Integer> slots;
        private volatile LiteralIndex.Scanner scanner;

        KeyScan(int[] gated, List<Integer> slots) {
            this.gated = gated;
            this.slots = slots;
        }

        /** Whether {@link #scan} also finds every keyword literal (then no keyword-only scan of the value is needed). */
        boolean scansKeywords() {
            return slots.contains(LiteralIndex.KEYWORDS);
        }

        void scan(Object value, long[] bits, TextBuffer buffer) {
            if (value == null) return;
            for (int r : gated) bits[r >>> 6] |= 1L << r;
            if (slots.isEmpty()) return;
            LiteralIndex.Scanner s = scanner;
            // A race builds nothing twice: the index returns its one scanner for these slots and rules.
            if (s == null) scanner = s = scannerFor(slots);
            s.scanField(value, bits, buffer);
        }
    }

    /**
     * The plan for events whose routes select the rules at {@code routed} (ascending indexes into
     * {@code rules}); {@code fieldKeys} are the event keys of each slot per dialect.
     */
    public RoutePlan(List<CompiledRule> rules, List<Integer> routed, LiteralIndex index, String[][][] fieldKeys) {
        this.rules = rules;
        this.index = index;
        this.fieldKeys = fieldKeys;
        words = LiteralIndex.words(rules.size());
        always = new long[words];
        lacking = new long[Prefilter.MAX_CLAUSES - 1][words];
        for (int i : routed) {
            List<List<CompiledRule.Literal>> clauses = rules.get(i).prefilter();
            int clauseCount = clauses == null ? 1 : clauses.size();
            for (int c = Math.max(1, clauseCount); c < Prefilter.MAX_CLAUSES; c++) lacking[c - 1][i >>> 6] |= 1L << i;
            if (clauses == null) {
                // No literal: the rule runs always, or (its bit set as a clause-0 hit) when a field it needs is present.
                List<Integer> needed = RequiredFields.anyOf(rules.get(i).predicate());
                if (needed == null) always[i >>> 6] |= 1L << i;
                else for (int slot : needed) byPresence.computeIfAbsent(slot, k -> new ArrayList<>()).add(i);
                continue;
            }
            for (List<CompiledRule.Literal> clause : clauses) {
                for (CompiledRule.Literal l : clause) {
                    List<Integer> owners = bySlot.computeIfAbsent(l.slot(), s -> new ArrayList<>());
                    if (owners.isEmpty() || owners.get(owners.size() - 1) != i) owners.add(i);
                }
            }
        }
        empty = routed.isEmpty();
    }

    /**
     * Reports, in rule order, every routed rule that matches: the event's fields are scanned for literals and
     * looked at for presence, and the rules with a hit in every clause plus the always-run rules are evaluated.
     */
    public void evaluate(EventView view, Consumer<CompiledRule> onMatch) {
        if (empty) return;
        long[] hits = new long[Prefilter.MAX_CLAUSES * words];
        FieldScans fieldScans = scansFor(view.dialect());
        LiteralIndex.Scanner other = fieldScans.otherKeys();
        if (other != null || !fieldScans.byKey().isEmpty()) scanFields(view.event().fields(), fieldScans, hits);
        for (int w = 0; w < words; w++) {
            long candidates = hits[w];
            for (int c = 1; c < Prefilter.MAX_CLAUSES; c++) candidates &= hits[c * words + w] | lacking[c - 1][w];
            for (long b = candidates | always[w]; b != 0; b &= b - 1) {
                CompiledRule r = rules.get((w << 6) + Long.numberOfTrailingZeros(b));
                if (r.predicate().test(view)) onMatch.accept(r);
            }
        }
    }

    /**
     * Scans every field of the event in passes: the keys' lookups, then the values' lengths, then the scans.
     * The event is cold in cache (a miss for each map entry, key, value and its characters), and in one pass
     * each scan waits on its own misses; loops of independent lookups let the processor have many of those
     * misses in flight at once. Fields with a key scan go first: the parser files one value under both its
     * raw and its ECS key ({@code winlog.event_data.ContextInfo} and {@code powershell.command.context_info}),
     * and a value a key scan already searched for the keyword literals need not be searched again by the
     * keyword-only scan (the bits are the same whatever the order of the scans).
     */
    private static void scanFields(Map<String, Object> fields, FieldScans fieldScans, long[] hits) {
        int n = fields.size();
        Object[] values = new Object[n];
        KeyScan[] keyScans = new KeyScan[n];
        int i = 0;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            keyScans[i] = fieldScans.byKey().get(field.getKey());
            values[i++] = field.getValue();
        }
        int longest = 0;
        for (Object v : values) if (v instanceof String s) longest = Math.max(longest, s.length());
        TextBuffer buffer = new TextBuffer(longest);
        Object[] searched = new Object[n];
        int searchedCount = 0;
        for (int f = 0; f < n; f++) {
            if (keyScans[f] == null) continue;
            keyScans[f].scan(values[f], hits, buffer);
            if (keyScans[f].scansKeywords() && isLongText(values[f])) searched[searchedCount++] = values[f];
        }
        LiteralIndex.Scanner other = fieldScans.otherKeys();
        if (other == null) return;
        for (int f = 0; f < n; f++) {
            if (keyScans[f] == null && !(isLongText(values[f]) && containsSame(searched, searchedCount, values[f]))) {
                other.scanKeywordValue(values[f], hits, buffer);
            }
        }
    }

    /** Only texts this long are worth looking for among those already searched. */
    private static final int SHARED_TEXT_MIN = 16;

    private static boolean isLongText(Object value) {
        return value instanceof String s && s.length() >= SHARED_TEXT_MIN;
    }

    /** Whether the very object (not an equal one: comparing would read the text) is among the first {@code n}. */
    private static boolean containsSame(Object[] objects, int n, Object value) {
        for (int i = 0; i < n; i++) if (objects[i] == value) return true;
        return false;
    }

    private FieldScans scansFor(Dialect dialect) {
        FieldScans s = scans.get(dialect.ordinal());
        if (s == null) {
            s = buildScans(fieldKeys[dialect.ordinal()]);
            if (!scans.compareAndSet(dialect.ordinal(), null, s)) s = scans.get(dialect.ordinal());
        }
        return s;
    }

    private FieldScans buildScans(String[][] keysOfSlot) {
        Map<String, TreeSet<Integer>> literalSlots = slotsByKey(bySlot, keysOfSlot);
        Map<String, TreeSet<Integer>> presenceSlots = slotsByKey(byPresence, keysOfSlot);
        boolean keywords = bySlot.containsKey(LiteralIndex.KEYWORDS);
        TreeSet<String> keys = new TreeSet<>(literalSlots.keySet());
        keys.addAll(presenceSlots.keySet());
        HashMap<String, KeyScan> byKey = new HashMap<>();
        for (String key : keys) {
            TreeSet<Integer> slots = literalSlots.getOrDefault(key, new TreeSet<>());
            if (keywords) slots.add(LiteralIndex.KEYWORDS);
            TreeSet<Integer> gated = new TreeSet<>();
            for (int slot : presenceSlots.getOrDefault(key, new TreeSet<>())) gated.addAll(byPresence.get(slot));
            byKey.put(key, new KeyScan(gated.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(slots)));
        }
        // A HashMap, not Map.copyOf: it compares the cached hash codes before the keys, so a lookup of an event
        // key it lacks rarely reads the key's characters (a cache miss per field of every event).
        return new FieldScans(byKey, keywords ? scannerFor(List.of(LiteralIndex.KEYWORDS)) : null);
    }

    /** For each event key, the slots among {@code slotRules}' keys (keywords aside) that it may supply. */
    private static Map<String, TreeSet<Integer>> slotsByKey(Map<Integer, List<Integer>> slotRules, String[][] keysOfSlot) {
        Map<String, TreeSet<Integer>> out = new HashMap<>();
        for (int slot : slotRules.keySet()) {
            if (slot == LiteralIndex.KEYWORDS) continue;
            for (String key : keysOfSlot[slot]) out.computeIfAbsent(key, k -> new TreeSet<>()).add(slot);
        }
        return out;
    }

    private LiteralIndex.Scanner scannerFor(List<Integer> slots) {
        TreeSet<Integer> owners = new TreeSet<>();
        for (int slot : slots) owners.addAll(bySlot.get(slot));
        return index.scanner(slots, List.copyOf(owners));
    }
}
