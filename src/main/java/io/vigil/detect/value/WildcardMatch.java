package io.vigil.detect.value;

import java.util.List;

/**
 * A compiled wildcard pattern matched with the classic greedy algorithm that remembers only the last
 * {@code *}: O(value length x pattern length) at worst, never exponential.
 */
final class WildcardMatch {

    private static final byte LITERAL = 0, ANY = 1, ONE = 2;

    private final char[] chars;
    private final byte[] kinds;

    WildcardMatch(List<SigmaString.Part> parts) {
        StringBuilder text = new StringBuilder();
        StringBuilder kindText = new StringBuilder();
        for (SigmaString.Part part : parts) {
            switch (part) {
                case SigmaString.Text t -> {
                    text.append(t.text());
                    kindText.append(String.valueOf((char) LITERAL).repeat(t.text().length()));
                }
                case SigmaString.Wildcard w -> {
                    text.append(' ');
                    kindText.append((char) (w.single() ? ONE : ANY));
                }
            }
        }
        chars = text.toString().toCharArray();
        kinds = new byte[kindText.length()];
        for (int i = 0; i < kinds.length; i++) kinds[i] = (byte) kindText.charAt(i);
    }

    boolean matches(String value) {
        int pi = 0, vi = 0, starP = -1, starV = 0;
        int n = chars.length;
        while (vi < value.length()) {
            if (pi < n && (kinds[pi] == ONE || (kinds[pi] == LITERAL && chars[pi] == value.charAt(vi)))) {
                pi++;
                vi++;
            } else if (pi < n && kinds[pi] == ANY) {
                starP = pi++;
                starV = vi;
            } else if (starP >= 0) {
                pi = starP + 1;
                vi = ++starV;
            } else {
                return false;
            }
        }
        while (pi < n && kinds[pi] == ANY) pi++;
        return pi == n;
    }
}
