package io.vigil.detect.compile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The rules filed under one route key, with their prefilter: rules without required literals are always
 * evaluated; the others only when one Aho-Corasick pass per field finds one of their literals.
 * Immutable after construction; thread-safe.
 */
public final class RouteBucket {

    private final CompiledRule[] always;
    private final CompiledRule[] filtered;
    private final int[] slots;
    private final AhoCorasick[] automata;
    private final int[][] patternRule;

    public RouteBucket(List<CompiledRule> rules) {
        List<CompiledRule> alwaysList = new ArrayList<>();
        List<CompiledRule> filteredList = new ArrayList<>();
        Map<Integer, List<String>> patterns = new LinkedHashMap<>();
        Map<Integer, List<Integer>> owners = new LinkedHashMap<>();
        for (CompiledRule r : rules) {
            if (r.prefilter() == null) {
                alwaysList.add(r);
                continue;
            }
            int index = filteredList.size();
            filteredList.add(r);
            for (CompiledRule.Literal l : r.prefilter()) {
                patterns.computeIfAbsent(l.slot(), s -> new ArrayList<>()).add(l.text());
                owners.computeIfAbsent(l.slot(), s -> new ArrayList<>()).add(index);
            }
        }
        always = alwaysList.toArray(CompiledRule[]::new);
        filtered = filteredList.toArray(CompiledRule[]::new);
        slots = patterns.keySet().stream().mapToInt(Integer::intValue).toArray();
        automata = new AhoCorasick[slots.length];
        patternRule = new int[slots.length][];
        for (int i = 0; i < slots.length; i++) {
            automata[i] = new AhoCorasick(patterns.get(slots[i]));
            patternRule[i] = owners.get(slots[i]).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Evaluates the candidate rules against the event, reporting each rule that matches. */
    public void evaluate(EventView view, Consumer<CompiledRule> onMatch) {
        for (CompiledRule r : always) if (r.predicate().test(view)) onMatch.accept(r);
        if (filtered.length == 0) return;
        BitSet candidates = new BitSet(filtered.length);
        for (int i = 0; i < slots.length; i++) {
            FieldValues v = slots[i] < 0 ? view.everything() : view.values(slots[i]);
            if (v == null) continue;
            int[] owner = patternRule[i];
            for (String text : v.lower()) automata[i].scan(text, p -> candidates.set(owner[p]));
        }
        for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
            if (filtered[r].predicate().test(view)) onMatch.accept(filtered[r]);
        }
    }

    public int size() {
        return always.length + filtered.length;
    }

    public int prefiltered() {
        return filtered.length;
    }
}
