package io.vigil.detect.compile;

import io.vigil.detect.value.FieldCheck;
import io.vigil.detect.value.ValueTest;
import java.util.Arrays;
import java.util.List;

/** A compiled rule condition, evaluated against one {@link EventView}. Immutable and thread-safe. */
public sealed interface Predicate {

    boolean test(EventView e);

    // The loops below index their immutable lists instead of iterating them: a predicate tree is walked
    // for every candidate rule of every event, and an iterator per node showed up in profiles.

    record AllOf(List<Predicate> parts) implements Predicate {
        public AllOf { parts = List.copyOf(parts); }

        public boolean test(EventView e) {
            for (int i = 0, n = parts.size(); i < n; i++) if (!parts.get(i).test(e)) return false;
            return true;
        }
    }

    record AnyOf(List<Predicate> parts) implements Predicate {
        public AnyOf { parts = List.copyOf(parts); }

        public boolean test(EventView e) {
            for (int i = 0, n = parts.size(); i < n; i++) if (parts.get(i).test(e)) return true;
            return false;
        }
    }

    record AtLeast(int count, List<Predicate> parts) implements Predicate {
        public AtLeast { parts = List.copyOf(parts); }

        public boolean test(EventView e) {
            int hits = 0;
            for (int i = 0, n = parts.size(); i < n; i++) if (parts.get(i).test(e) && ++hits >= count) return true;
            return false;
        }
    }

    record Negation(Predicate operand) implements Predicate {
        public boolean test(EventView e) {
            return !operand.test(e);
        }
    }

    record Constant(boolean value) implements Predicate {
        public boolean test(EventView e) {
            return value;
        }
    }

    /** Some value of the field (slot) passes some alternative; slot -1 means any field (keywords). */
    record ValueMatch(int slot, String field, List<ValueTest> alternatives) implements Predicate {
        public ValueMatch { alternatives = List.copyOf(alternatives); }

        public boolean test(EventView e) {
            FieldValues v = slot < 0 ? e.everything() : e.values(slot);
            if (v == null) return false;
            String[] raw = v.raw(), lower = v.lower();
            for (int i = 0; i < raw.length; i++) {
                for (int a = 0, n = alternatives.size(); a < n; a++) if (alternatives.get(a).test(raw[i], lower[i])) return true;
            }
            return false;
        }
    }

    /** The field is absent or null; with {@code exists} semantics when {@code present} is asked. */
    record Presence(int slot, boolean present) implements Predicate {
        public boolean test(EventView e) {
            return (e.values(slot) != null) == present;
        }
    }

    /** {@code fieldref}: a value of one field relates to a value of another. */
    record SameAs(int slot, int otherSlot, FieldCheck.SameAs.Position position, boolean cased) implements Predicate {
        public boolean test(EventView e) {
            FieldValues a = e.values(slot), b = e.values(otherSlot);
            if (a == null || b == null) return false;
            String[] as = cased ? a.raw() : a.lower(), bs = cased ? b.raw() : b.lower();
            return Arrays.stream(as).anyMatch(x -> Arrays.stream(bs).anyMatch(y -> relates(x, y)));
        }

        private boolean relates(String x, String y) {
            return switch (position) {
                case EQUALS -> x.equals(y);
                case STARTSWITH -> x.startsWith(y);
                case ENDSWITH -> x.endsWith(y);
                case CONTAINS -> x.contains(y);
            };
        }
    }
}
