package io.vigil.parse.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ECS meaning of one event id: constant categorization plus field copies from EventData.
 *
 * @param category event.category values ([] for none)
 * @param type     event.type values
 * @param outcome  event.outcome, or null
 * @param action   event.action, or null
 * @param fields   EventData name → ECS field, in order; a later rule never overwrites an earlier one
 */
record EventRule(List<String> category, List<String> type, String outcome, String action, List<FieldRule> fields) {
    EventRule {
        category = List.copyOf(category);
        type = List.copyOf(type);
        fields = List.copyOf(fields);
    }

    record FieldRule(String source, String target, Conversion conversion) {
        FieldRule {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(conversion, "conversion");
        }
    }

    static EventRule of(String category, String type) {
        return new EventRule(category == null ? List.of() : List.of(category), type == null ? List.of() : List.of(type),
                null, null, List.of());
    }

    EventRule outcome(String value) {
        return new EventRule(category, type, value, action, fields);
    }

    EventRule action(String value) {
        return new EventRule(category, type, outcome, value, fields);
    }

    EventRule map(String source, String target) {
        return map(source, target, Conversion.TEXT);
    }

    EventRule map(String source, String target, Conversion conversion) {
        List<FieldRule> more = new ArrayList<>(fields);
        more.add(new FieldRule(source, target, conversion));
        return new EventRule(category, type, outcome, action, more);
    }

    /** The process fields that Sysmon events share: Image, ProcessId, ProcessGuid. */
    EventRule sysmonProcess() {
        return map("Image", "process.executable").map("Image", "process.name", Conversion.BASENAME)
                .map("ProcessId", "process.pid", Conversion.NUMBER).map("ProcessGuid", "process.entity_id")
                .map("User", "user", Conversion.DOMAIN_USER);
    }
}
