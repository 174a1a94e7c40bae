package io.vigil.detect.compile;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One field's values in an event as text, and their lower-cased text computed on first use: the prefilter
 * scans the raw text (folding ASCII itself), so only fields that some candidate rule actually tests pay for
 * lower-casing, and then once per event however many rules test them. Not thread-safe (one event view).
 */
public final class FieldValues {

    private final String[] raw;
    private String[] lower;

    FieldValues(String[] raw) {
        this.raw = raw;
    }

    static FieldValues of(Object value) {
        if (value instanceof List<?> list) {
            String[] raw = new String[list.size()];
            int n = 0;
            for (Object o : list) if (o != null) raw[n++] = o.toString();
            return new FieldValues(n == raw.length ? raw : Arrays.copyOf(raw, n));
        }
        return new FieldValues(new String[] {value.toString()});
    }

    /** The values as text; callers must not modify the array. */
    public String[] raw() {
        return raw;
    }

    /** The values lower-cased with {@link Locale#ROOT}, index for index; callers must not modify the array. */
    public String[] lower() {
        if (lower == null) {
            String[] l = new String[raw.length];
            for (int i = 0; i < raw.length; i++) l[i] = raw[i].toLowerCase(Locale.ROOT);
            lower = l;
        }
        return lower;
    }
}
