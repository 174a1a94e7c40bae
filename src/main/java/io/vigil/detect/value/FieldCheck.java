package io.vigil.detect.value;

import java.util.List;
import java.util.Objects;

/**
 * What one detection item ({@code Field|modifiers: values}) demands of a field, independent of how events
 * store fields. The engine binds it to a field slot.
 */
public sealed interface FieldCheck {

    /** Some value of the field passes one of the alternatives (one rule value, expanded by modifiers). */
    record Matches(List<ValueTest> alternatives) implements FieldCheck {
        public Matches {
            alternatives = List.copyOf(alternatives);
            if (alternatives.isEmpty()) throw new IllegalArgumentException("no alternatives");
        }
    }

    /** The field is absent or null ({@code Field: null}). */
    record IsNull() implements FieldCheck {}

    /** {@code Field|exists: expected}. */
    record Exists(boolean expected) implements FieldCheck {}

    /** {@code Field|fieldref: other}: the field's value equals (or starts/ends with, contains) another's. */
    record SameAs(String otherField, Position position, boolean cased) implements FieldCheck {
        public enum Position { EQUALS, STARTSWITH, ENDSWITH, CONTAINS }

        public SameAs {
            Objects.requireNonNull(otherField, "otherField");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code neq}: the inner check fails (true when the field is absent). */
    record Not(FieldCheck inner) implements FieldCheck {}

    record AnyOf(List<FieldCheck> checks) implements FieldCheck {
        public AnyOf {
            checks = List.copyOf(checks);
        }
    }

    record AllOf(List<FieldCheck> checks) implements FieldCheck {
        public AllOf {
            checks = List.copyOf(checks);
        }
    }
}
