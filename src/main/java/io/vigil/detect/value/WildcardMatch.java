package io.vigil.detect.value;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled wildcard pattern, split at its {@code *} into segments (literal characters and {@code ?}):
 * the first segment must match at the start, the last at the end, and each middle one is placed at its
 * leftmost occurrence after the previous one — which is optimal for {@code *}, so the match is exact. Each
 * segment is found with {@link String#indexOf} on its longest literal stretch, so a long value costs
 * little more than a substring search, and never more than O(value length x pattern length).
 */
final class WildcardMatch {

    /** A run between stars: characters, with {@code ONE} where {@code ?} stands. */
    private record Segment(char[] chars, boolean[] any, String anchor, int anchorAt) {

        static Segment of(StringBuilder chars, List<Boolean> anyFlags) {
            boolean[] any = new boolean[anyFlags.size()];
            for (int i = 0; i < any.length; i++) any[i] = anyFlags.get(i);
            int bestAt = 0, bestLen = 0;
            for (int i = 0; i < any.length; ) {
                if (any[i]) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < any.length && !any[j]) j++;
                if (j - i > bestLen) {
                    bestAt = i;
                    bestLen = j - i;
                }
                i = j;
            }
            return new Segment(chars.toString().toCharArray(), any, chars.substring(bestAt, bestAt + bestLen), bestAt);
        }

        int length() {
            return chars.length;
        }

        boolean matchesAt(String v, int at) {
            if (at < 0 || at + chars.length > v.length()) return false;
            for (int i = 0; i < chars.length; i++) if (!any[i] && v.charAt(at + i) != chars[i]) return false;
            return true;
        }

        /** The leftmost start at or after {@code from} where the segment matches, or -1. */
        int find(String v, int from) {
            if (anchor.isEmpty()) return from + chars.length <= v.length() ? from : -1;
            for (int a = v.indexOf(anchor, from + anchorAt); a >= 0; a = v.indexOf(anchor, a + 1)) {
                int start = a - anchorAt;
                if (start >= from && matchesAt(v, start)) return start;
            }
            return -1;
        }
    }

    private final List<Segment> segments = new ArrayList<>();
    private final boolean hasStar;
    private final boolean leadingStar;
    private final boolean trailingStar;

    WildcardMatch(List<SigmaString.Part> parts) {
        StringBuilder chars = new StringBuilder();
        List<Boolean> any = new ArrayList<>();
        boolean stars = false;
        for (SigmaString.Part part : parts) {
            switch (part) {
                case SigmaString.Text t -> {
                    chars.append(t.text());
                    for (int i = 0; i < t.text().length(); i++) any.add(false);
                }
                case SigmaString.Wildcard w when w.single() -> {
                    chars.append(' ');
                    any.add(true);
                }
                case SigmaString.Wildcard w -> {
                    segments.add(Segment.of(chars, any));
                    chars.setLength(0);
                    any.clear();
                    stars = true;
                }
            }
        }
        segments.add(Segment.of(chars, any));
        hasStar = stars;
        leadingStar = stars && segments.get(0).length() == 0;
        trailingStar = stars && segments.get(segments.size() - 1).length() == 0;
        // Empty segments (from leading, trailing or adjacent stars) constrain nothing.
        if (stars) segments.removeIf(s -> s.length() == 0);
    }

    boolean matches(String value) {
        if (!hasStar) {
            Segment only = segments.get(0);
            return only.length() == value.length() && only.matchesAt(value, 0);
        }
        int first = 0, last = segments.size();
        int pos = 0, end = value.length();
        if (!leadingStar && last > first) {
            if (!segments.get(first).matchesAt(value, 0)) return false;
            pos = segments.get(first++).length();
        }
        if (!trailingStar && last > first) {
            Segment tail = segments.get(--last);
            int at = value.length() - tail.length();
            if (at < pos || !tail.matchesAt(value, at)) return false;
            end = at;
        }
        for (int i = first; i < last; i++) {
            int at = segments.get(i).find(value, pos);
            if (at < 0 || at + segments.get(i).length() > end) return false;
            pos = at + segments.get(i).length();
        }
        return true;
    }
}
