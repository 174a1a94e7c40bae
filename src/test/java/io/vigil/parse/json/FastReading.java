package io.vigil.parse.json;

import java.util.Map;

/**
 * Test access to the package-private fast reader, so that tests of other packages (the Windows equivalence
 * data test) can compare what it settles with {@link JsonFlattener#jacksonOnly} directly.
 */
public final class FastReading {
    private FastReading() {}

    /** The fast reader's map for a whole document under the default limits, or null when it leaves it to Jackson. */
    public static Map<String, Object> settledOrNull(byte[] json) {
        return FastFlattener.flatten(json, 0, json.length, FlattenLimits.DEFAULT);
    }
}
