package io.vigil.parse.json;

/**
 * Bounds that keep a hostile document from exhausting the stack or the heap.
 *
 * @param maxDepth  deepest nesting of objects and arrays accepted (the top-level object is depth 1)
 * @param maxFields most leaf values accepted in one document
 */
public record FlattenLimits(int maxDepth, int maxFields) {
    public static final FlattenLimits DEFAULT = new FlattenLimits(64, 10_000);

    public FlattenLimits {
        if (maxDepth < 1 || maxDepth > 512) {
            throw new IllegalArgumentException("maxDepth must be 1..512 (deeper risks the stack), got " + maxDepth);
        }
        if (maxFields < 1) throw new IllegalArgumentException("maxFields must be positive, got " + maxFields);
    }
}
