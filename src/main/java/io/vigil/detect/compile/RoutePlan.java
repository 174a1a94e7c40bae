package io.vigil.detect.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What to do for events with one combination of route keys: the routed rules that always run (they need no
 * literal), and for the others one literal scanner per field slot their literals live in (plus one over
 * every field for keyword literals) — only those fields are scanned, each once. Rules are kept as bit masks
 * over the rule list, so matches come out in rule order and a rule filed under several of the event's
 * routes runs once. Immutable and thread-safe; built once per route combination and cached by the rule set.
 */
public final class RoutePlan {

    private final List<CompiledRule> rules;
    private final long[] always;
    private final int[] slots;
    private final LiteralIndex.Scanner[] scanners;
    private final LiteralIndex.Scanner keywords;
    private final boolean empty;

    /** The plan for events whose routes select the rules at {@code routed} (ascending indexes into {@code rules}). */
    public RoutePlan(List<CompiledRule> rules, List<Integer> routed, LiteralIndex index) {
        this.rules = rules;
        always = new long[(rules.size() + 63) >>> 6];
        Map<Integer, List<Integer>> bySlot = new TreeMap<>();
        for (int i : routed) {
            List<CompiledRule.Literal> literals = rules.get(i).prefilter();
            if (literals == null) {
                always[i >>> 6] |= 1L << i;
                continue;
            }
            for (CompiledRule.Literal l : literals) {
                List<Integer> owners = bySlot.computeIfAbsent(l.slot(), s -> new ArrayList<>());
                if (owners.isEmpty() || owners.get(owners.size() - 1) != i) owners.add(i);
            }
        }
        List<Integer> keywordRules = bySlot.remove(LiteralIndex.KEYWORDS);
        keywords = keywordRules == null ? null : index.scanner(LiteralIndex.KEYWORDS, keywordRules);
        slots = bySlot.keySet().stream().mapToInt(Integer::intValue).toArray();
        scanners = new LiteralIndex.Scanner[slots.length];
        for (int s = 0; s < slots.length; s++) scanners[s] = index.scanner(slots[s], bySlot.get(slots[s]));
        empty = routed.isEmpty();
    }

    /**
     * Reports, in rule order, every routed rule that matches: the needed fields are scanned for literals,
     * and the rules with a hit plus the always-run rules are evaluated.
     */
    public void evaluate(EventView view, Consumer<CompiledRule> onMatch) {
        if (empty) return;
        long[] bits = always.clone();
        for (int s = 0; s < slots.length; s++) {
            FieldValues v = view.values(slots[s]);
            if (v != null) scanners[s].scan(v, bits);
        }
        if (keywords != null) keywords.scanEverything(view.event(), bits);
        for (int w = 0; w < bits.length; w++) {
            for (long b = bits[w]; b != 0; b &= b - 1) {
                CompiledRule r = rules.get((w << 6) + Long.numberOfTrailingZeros(b));
                if (r.predicate().test(view)) onMatch.accept(r);
            }
        }
    }
}
