package io.vigil.detect.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The literal prefilter's automata for one rule set: for a set of field slots (possibly with the keyword
 * pseudo-slot) and a set of rules, one case-insensitive {@link AhoCorasick} automaton over those rules'
 * literals for those slots, whose hits set the bit of the owning rule's clause: bit
 * {@code clause * stride() + rule index}, so each clause has its own bit mask over the rule list. Each
 * {@link RoutePlan} asks for the automata of exactly the rules routed to it, so a scan finds no literal of
 * a rule that cannot apply; plans with the same rules and slots share one automaton. Thread-safe.
 */
public final class LiteralIndex {

    /** Pseudo-slot of keyword literals, as in {@link CompiledRule.Literal}. */
    static final int KEYWORDS = -1;

    private record Key(List<Integer> slots, List<Integer> rules) {}

    private final List<CompiledRule> rules;
    private final Map<Key, Scanner> scanners = new ConcurrentHashMap<>();

    private final int stride;

    public LiteralIndex(List<CompiledRule> rules) {
        this.rules = rules;
        this.stride = words(rules.size()) * 64;
    }

    /** Words of a bit mask over {@code rules} rules. */
    static int words(int rules) {
        return (rules + 63) >>> 6;
    }

    /** Distance, in bits, between a rule's bits of consecutive clauses. */
    int stride() {
        return stride;
    }

    /**
     * The scanner for the literals that {@code ruleIndexes} (ascending, each with a literal in one of the
     * slots) have in any of {@code slots}.
     */
    Scanner scanner(List<Integer> slots, List<Integer> ruleIndexes) {
        return scanners.computeIfAbsent(new Key(List.copyOf(slots), List.copyOf(ruleIndexes)), this::build);
    }

    private Scanner build(Key key) {
        List<String> patterns = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i : key.rules()) {
            List<List<CompiledRule.Literal>> clauses = rules.get(i).prefilter();
            for (int c = 0; c < clauses.size(); c++) {
                for (CompiledRule.Literal l : clauses.get(c)) {
                    if (key.slots().contains(l.slot())) {
                        patterns.add(l.text());
                        owners.add(c * stride + i);
                    }
                }
            }
        }
        return new Scanner(new AhoCorasick(patterns), owners.stream().mapToInt(Integer::intValue).toArray());
    }

    /** One automaton and the bit (rule and clause) each of its patterns sets. Immutable and thread-safe. */
    record Scanner(AhoCorasick automaton, int[] owners) {

        /**
         * Scans a field value as a slot reads it: its text, or each non-null item's text for a list. Sets the
         * owner's bit for every literal found; non-ASCII text is scanned in its lower-cased form.
         */
        void scanField(Object value, long[] bits, TextBuffer buffer) {
            if (value instanceof List<?> list) {
                for (Object item : list) if (item != null) scanText(item.toString(), bits, buffer);
            } else if (value != null) {
                scanText(value.toString(), bits, buffer);
            }
        }

        /** Scans a field value as keyword detections read it ({@link EventView#everything()}): text and list items only. */
        void scanKeywordValue(Object value, long[] bits, TextBuffer buffer) {
            if (value instanceof String s) {
                scanText(s, bits, buffer);
            } else if (value instanceof List<?> list) {
                for (Object item : list) if (item != null) scanText(item.toString(), bits, buffer);
            }
        }

        private void scanText(String text, long[] bits, TextBuffer buffer) {
            if (!automaton.markFolding(buffer.load(text), text.length(), owners, bits)) {
                automaton.markLower(text.toLowerCase(Locale.ROOT), owners, bits);
            }
        }
    }
}
