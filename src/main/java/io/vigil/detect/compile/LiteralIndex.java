package io.vigil.detect.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The literal prefilter's automata for one rule set: for a field slot (or the keyword pseudo-slot) and a set
 * of rules, one case-insensitive {@link AhoCorasick} automaton over those rules' literals for that slot,
 * whose hits set the bit of the owning rule (its index in the rule list). Each {@link RoutePlan} asks for
 * the automata of exactly the rules routed to it, so a scan finds no literal of a rule that cannot apply;
 * plans with the same rules for a slot share one automaton. Thread-safe.
 */
public final class LiteralIndex {

    /** Pseudo-slot of keyword literals, as in {@link CompiledRule.Literal}. */
    static final int KEYWORDS = -1;

    private record Key(int slot, List<Integer> rules) {}

    private final List<CompiledRule> rules;
    private final Map<Key, Scanner> scanners = new ConcurrentHashMap<>();

    public LiteralIndex(List<CompiledRule> rules) {
        this.rules = rules;
    }

    /** The scanner for the literals that {@code ruleIndexes} (each with a literal in the slot) have in {@code slot}. */
    Scanner scanner(int slot, List<Integer> ruleIndexes) {
        return scanners.computeIfAbsent(new Key(slot, List.copyOf(ruleIndexes)), this::build);
    }

    private Scanner build(Key key) {
        List<String> patterns = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i : key.rules()) {
            for (CompiledRule.Literal l : rules.get(i).prefilter()) {
                if (l.slot() == key.slot()) {
                    patterns.add(l.text());
                    owners.add(i);
                }
            }
        }
        return new Scanner(new AhoCorasick(patterns), owners.stream().mapToInt(Integer::intValue).toArray());
    }

    /** One automaton and the rule owning each of its patterns. Immutable and thread-safe. */
    record Scanner(AhoCorasick automaton, int[] owners) {

        /** Sets the owner's bit for every literal found; non-ASCII values are scanned in their lower-cased form. */
        void scan(FieldValues v, long[] bits) {
            String[] raw = v.raw();
            for (int j = 0; j < raw.length; j++) {
                if (!automaton.markAscii(raw[j], owners, bits)) automaton.markLower(v.lower()[j], owners, bits);
            }
        }

        /**
         * The keyword scan: every text value of the event (strings, and list items), as
         * {@link EventView#everything()} holds them, read straight from the event without collecting them.
         */
        void scanEverything(io.vigil.event.Event event, long[] bits) {
            for (Object o : event.fields().values()) {
                if (o instanceof String s) {
                    scanOne(s, bits);
                } else if (o instanceof List<?> list) {
                    for (Object item : list) if (item != null) scanOne(item.toString(), bits);
                }
            }
        }

        private void scanOne(String text, long[] bits) {
            if (text.length() < Prefilter.MIN_LITERAL) return;
            if (!automaton.markAscii(text, owners, bits)) automaton.markLower(text.toLowerCase(java.util.Locale.ROOT), owners, bits);
        }
    }
}
