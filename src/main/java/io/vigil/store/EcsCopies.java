package io.vigil.store;

import io.vigil.event.EcsSchema;
import io.vigil.event.EcsType;
import java.util.Map;

/**
 * ECS fields that Windows normalization fills with a copy of a {@code winlog.event_data.*} value, indexed once.
 *
 * <p>When an event's value of such a field ({@code registry.path}) is one string equal to its source's value
 * ({@code winlog.event_data.TargetObject}), the field's exact term is not indexed; instead the document gets the
 * term {@code _copied:<field>}. Its analyzed companion ({@code registry.path.text}) and the stored event are
 * unchanged. Queries on the field also match {@code <same query on the source> AND _copied:<field>}
 * ({@link LuceneQueries}), and terms walks of the field walk the source's terms for those documents
 * ({@link ValueCounts}), so every query, aggregation and exists check gives what it gave with the copy indexed.
 * On the anchor's Windows events this removes the longest duplicated terms (registry paths, process GUIDs,
 * loaded image paths) from the terms dictionary.
 *
 * <p>Only keyword fields without doc values qualify on both sides (no sort or doc-values aggregation to
 * redirect); {@link #checkTable} holds the table to that when the class loads.
 */
final class EcsCopies {
    static final String COPIED = "_copied";

    /** Copy → the field it is copied from. */
    private static final Map<String, String> SOURCES = Map.of(
            "registry.path", "winlog.event_data.TargetObject",
            "registry.data.strings", "winlog.event_data.Details",
            "process.entity_id", "winlog.event_data.ProcessGuid",
            "process.parent.entity_id", "winlog.event_data.ParentProcessGuid",
            "file.path", "winlog.event_data.ImageLoaded");

    static {
        checkTable();
    }

    private EcsCopies() {}

    static void checkTable() {
        SOURCES.forEach((copy, source) -> {
            for (String name : new String[] {copy, source}) {
                if (EcsSchema.typeOf(name) != EcsType.KEYWORD || EcsSchema.isAggregatable(name)) {
                    throw new IllegalStateException(name + " must be a keyword without doc values to be an elided ECS copy");
                }
            }
        });
    }

    /** The field {@code field} may be a copy of, or null. */
    static String sourceOf(String field) {
        return SOURCES.get(field);
    }

    /**
     * True when the exact term of a field whose source is {@code source} ({@link #sourceOf}; null: the field is no
     * copy) need not be indexed in this event, its value being {@code value}.
     */
    static boolean isElided(String source, Object value, Map<String, Object> fields) {
        return source != null && value instanceof String text && text.length() <= EcsSchema.MAX_KEYWORD_LENGTH
                && text.equals(fields.get(source));
    }
}
