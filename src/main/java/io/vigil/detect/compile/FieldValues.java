package io.vigil.detect.compile;

import java.util.List;
import java.util.Locale;

/** One field's values in an event, as text and lower-cased text (computed once per event). */
public record FieldValues(String[] raw, String[] lower) {

    static FieldValues of(Object value) {
        if (value instanceof List<?> list) {
            String[] raw = new String[list.size()];
            String[] lower = new String[list.size()];
            int n = 0;
            for (Object o : list) {
                if (o == null) continue;
                raw[n] = o.toString();
                lower[n] = raw[n].toLowerCase(Locale.ROOT);
                n++;
            }
            return n == raw.length ? new FieldValues(raw, lower)
                    : new FieldValues(java.util.Arrays.copyOf(raw, n), java.util.Arrays.copyOf(lower, n));
        }
        String s = value.toString();
        return new FieldValues(new String[] {s}, new String[] {s.toLowerCase(Locale.ROOT)});
    }
}
