package io.vigil.store;

import io.vigil.event.EcsSchema;
import io.vigil.event.EcsType;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How one event field name is indexed, resolved once per name instead of once per value: its type, whether it
 * has doc values, whether it has an analyzed companion, and the names of that companion and of its
 * type-mismatch twin (built once, not concatenated per event), and the field it may be an ECS copy of
 * ({@link EcsCopies}, null for nearly all). Thread-safe; the cache is bounded like
 * {@link EcsSchema#typeOf}'s (names beyond the bound are resolved each time, still correctly).
 */
record FieldPlan(String name, EcsType type, boolean aggregatable, boolean alsoText, String textName, String mismatchName,
                 String copyOf) {
    private static final int MAX_CACHED = 100_000;
    private static final ConcurrentHashMap<String, FieldPlan> PLANS = new ConcurrentHashMap<>();

    static FieldPlan of(String name) {
        FieldPlan plan = PLANS.get(name);
        if (plan != null) return plan;
        plan = new FieldPlan(name, EcsSchema.typeOf(name), EcsSchema.isAggregatable(name), EcsSchema.isAlsoText(name),
                EcsSchema.textFieldOf(name), EventDocuments.MISMATCH_PREFIX + name, EcsCopies.sourceOf(name));
        if (PLANS.size() < MAX_CACHED) PLANS.put(name, plan);
        return plan;
    }
}
