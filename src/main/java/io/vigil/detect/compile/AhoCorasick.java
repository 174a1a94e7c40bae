package io.vigil.detect.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Case-insensitive multi-pattern substring search: one pass over a text reports every pattern occurring in
 * the text's lower-cased form ({@link Locale#ROOT}), whatever the number of patterns. Built once, then
 * immutable and thread-safe.
 *
 * <p>Why it is laid out this way: the scan is the detection engine's hot loop (every prefiltered field of
 * every event). The states a text wanders through — the root, shallow states, and prefixes shared by
 * several patterns such as {@code \windows\system32\} — get a dense row holding the complete
 * transition (failure links resolved) for each ASCII character class, so an ASCII character costs one
 * array load. Characters that occur in no pattern share class 0, upper-case ASCII shares its lower-case
 * class, so rows are short and no lower-casing is needed. States on the tail of a single pattern keep
 * sparse edges plus a failure link, and are numbered along the tail: once the scan enters a tail it
 * compares the rest of the pattern with the text directly (long {@code CallTrace} paths walk such tails)
 * and steps again only where they differ. Non-ASCII characters are lower-cased one by one inside the scan;
 * a value with one whose lower case is not one character for one (dotted capital I, capital sigma,
 * surrogates) is lower-cased with {@link String#toLowerCase(Locale)} and scanned again, so the result
 * is always that of scanning the lower-cased text — where the long s ({@code ſ}) also reads as {@code s},
 * because case-insensitive regular expressions match it for {@code s} (reporting more is always safe).
 */
public final class AhoCorasick {

    private static final int ASCII = 128;
    /** States this shallow are dense whatever their fan-out: a scan starts every character near the root. */
    private static final int DENSE_DEPTH = 2;

    private final int denseStates;
    private final int width;
    private final char[] classOf = new char[ASCII];
    private final int[] dense;
    /** Edges of state s, sorted by character, at [edgeStart[s], edgeStart[s + 1]) of edgeKeys and edgeTargets. */
    private final int[] edgeStart;
    private final char[] edgeKeys;
    private final int[] edgeTargets;
    private final int[] fail;
    /** Patterns ending at state s (its own and its failure chain's), at [outStart[s], outStart[s + 1]) of outPatterns. */
    private final int[] outStart;
    private final int[] outPatterns;
    private final long[] startPairs;
    /** {@link #code} of each state, precomputed for the sparse step. */
    private final int[] codes;
    /**
     * For sparse state {@code denseStates + k}, at k: how many states follow it on its chain. Sparse states
     * lie on the tail of one pattern (each has at most one edge) and are numbered along it, so the chain's
     * characters are consecutive in {@link #edgeKeys} and its states' outputs consecutive in {@link #outPatterns}.
     */
    private final int[] tailLength;

    public AhoCorasick(List<String> patterns) {
        Trie trie = Trie.of(patterns);
        startPairs = startPairs(patterns);
        int n = trie.edges.size();
        int[] order = trie.denseFirstOrder(DENSE_DEPTH);
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) rank[order[i]] = i;
        edgeStart = new int[n + 1];
        edgeKeys = new char[Math.max(0, n - 1)];
        edgeTargets = new int[Math.max(0, n - 1)];
        List<List<Integer>> out = new ArrayList<>(n);
        int e = 0;
        for (int i = 0; i < n; i++) {
            edgeStart[i] = e;
            for (var edge : trie.edges.get(order[i]).entrySet()) {
                edgeKeys[e] = edge.getKey();
                edgeTargets[e++] = rank[edge.getValue()];
            }
            out.add(trie.out.get(order[i]));
        }
        edgeStart[n] = e;
        fail = new int[n];
        outStart = new int[n + 1];
        outPatterns = link(out);
        denseStates = trie.denseCount;
        char[] representative = assignClasses();
        width = representative.length;
        dense = new int[denseStates * width];
        fillDense(representative);
        codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = code(i);
        tailLength = new int[n - denseStates];
        for (int s = n - 2; s >= denseStates; s--) {
            if (edgeStart[s + 1] - edgeStart[s] == 1) tailLength[s - denseStates] = tailLength[s + 1 - denseStates] + 1;
        }
    }

    /**
     * Failure links and merged outputs, breadth-first (a state's failure is shallower); dense rows not yet
     * used. Fills {@link #outStart} and returns the outputs laid end to end.
     */
    private int[] link(List<List<Integer>> out) {
        int n = fail.length;
        int[][] merged = new int[n][];
        int[] bfs = new int[n];
        int head = 0, tail = 0;
        bfs[tail++] = 0;
        while (head < tail) {
            int s = bfs[head++];
            List<Integer> mine = new ArrayList<>(out.get(s));
            if (s != 0) for (int o : merged[fail[s]]) mine.add(o);
            merged[s] = mine.stream().mapToInt(Integer::intValue).toArray();
            for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
                int child = edgeTargets[e];
                fail[child] = s == 0 ? 0 : sparseNext(fail[s], edgeKeys[e]);
                bfs[tail++] = child;
            }
        }
        int total = 0;
        for (int s = 0; s < n; s++) {
            outStart[s] = total;
            total += merged[s].length;
        }
        outStart[n] = total;
        int[] all = new int[total];
        for (int s = 0; s < n; s++) System.arraycopy(merged[s], 0, all, outStart[s], merged[s].length);
        return all;
    }

    /** Class 0 for ASCII characters in no pattern; one class per other character, upper case with its lower. */
    /** Returns a representative character of each class. */
    private char[] assignClasses() {
        boolean[] present = new boolean[ASCII];
        for (char c : edgeKeys) if (c < ASCII) present[c] = true;
        StringBuilder members = new StringBuilder().append('\0');
        for (char c = 0; c < ASCII; c++) {
            if (present[c]) {
                classOf[c] = (char) members.length();
                members.append(c);
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) if (!present[c]) classOf[c] = classOf[c + ('a' - 'A')];
        return members.toString().toCharArray();
    }

    private void fillDense(char[] representative) {
        for (int s = 0; s < denseStates; s++) {
            for (int k = 0; k < width; k++) dense[s * width + k] = code(k == 0 ? 0 : sparseNext(s, representative[k]));
        }
    }

    /** The goto/failure transition, without dense rows (used while building). */
    private int sparseNext(int state, char c) {
        int s = state;
        while (true) {
            int t = child(s, c);
            if (t >= 0) return t;
            if (s == 0) return 0;
            s = fail[s];
        }
    }

    private int child(int state, char c) {
        int lo = edgeStart[state], hi = edgeStart[state + 1];
        if (hi - lo <= 8) {
            for (int e = lo; e < hi; e++) if (edgeKeys[e] == c) return edgeTargets[e];
            return -1;
        }
        int i = Arrays.binarySearch(edgeKeys, lo, hi, c);
        return i < 0 ? -1 : edgeTargets[i];
    }

    /** The state after reading (lower-case) {@code c} in {@code state}. */
    private int next(int state, char c) {
        int s = state;
        while (true) {
            if (s < denseStates && c < ASCII) return state(dense[s * width + classOf[c]]);
            int t = child(s, c);
            if (t >= 0) return t;
            if (s == 0) return 0;
            s = fail[s];
        }
    }

    /** Calls {@code onMatch} with the index of every pattern found in {@code text} (repeats possible). */
    public void scan(String text, IntConsumer onMatch) {
        String folded = isAscii(text) ? text : text.toLowerCase(Locale.ROOT);
        int state = 0;
        for (int i = 0; i < folded.length(); i++) {
            state = next(state, foldAscii(longS(folded.charAt(i))));
            for (int k = outStart[state]; k < outStart[state + 1]; k++) onMatch.accept(outPatterns[k]);
        }
    }

    /**
     * Sets bit {@code owner[p]} of {@code bits} for every pattern p found in {@code text}'s lower-cased form,
     * folding case character by character; returns false without a complete scan if the text has a
     * character whose lower case is not one character for one ({@link #lowerOneToOne}: then scan the
     * lower-cased text with {@link #markLower}). Non-ASCII characters decode the state and follow edges and
     * failure links; ASCII ones take the fast steps below.
     *
     * <p>The loop walks codes ({@link #code}), so the common step — a dense state without output — is one
     * add and one load. At the root it first skips every position where no pattern starts (by the bitmap of
     * patterns' first two characters): that loop's iterations do not depend on each other's loads, so it
     * runs several times faster than stepping, and most text starts no pattern. Skipping is exact: from the
     * root, a character that starts no pattern together with its successor leads back to the root.
     */
    public boolean markFolding(String text, int[] owner, long[] bits) {
        return markFolding(text.toCharArray(), text.length(), owner, bits);
    }

    /**
     * {@link #markFolding(String, int[], long[])} over the first {@code n} characters of {@code text}: the scan
     * loop reads a plain array, without the per-character checks of {@link String#charAt}.
     */
    public boolean markFolding(char[] text, int n, int[] owner, long[] bits) {
        if (n > text.length) throw new IllegalArgumentException("length " + n + " beyond the text's " + text.length);
        int code = 0;
        for (int i = 0; i < n; i++) {
            if (code == 0) {
                // One load per position: the second character of a pair is the first of the next.
                char c0 = text[i];
                for (; c0 < ASCII && i + 1 < n; i++) {
                    char c1 = text[i + 1];
                    int pair = c0 << 7 | c1;
                    // A pair with a non-ASCII character is not skipped: stepping is always exact.
                    if (c1 >= ASCII || (startPairs[pair >>> 6] & 1L << pair) != 0) break;
                    c0 = c1;
                }
            }
            char c = text[i];
            if (c < ASCII) {
                code = code >= 0 ? dense[code + classOf[c]] : stepCode(-code - 1, c);
            } else {
                int lower = lowerOneToOne(c);
                if (lower < 0) return false;
                code = codes[sparseNext(state(code), (char) lower)];
            }
            if (code < 0) {
                report(code, owner, bits);
                int state = -code - 1;
                if (state >= denseStates) {
                    int ahead = followTail(state, text, i + 1, n);
                    if (ahead > 0) {
                        mark(outStart[state + 1], outStart[state + ahead + 1], owner, bits);
                        i += ahead;
                        code = codes[state + ahead];
                    }
                }
            }
        }
        return true;
    }

    /**
     * How many of the characters at {@code from} continue sparse {@code state}'s pattern: they are compared
     * with the rest of the pattern in one tight loop instead of stepping the automaton (a few scattered loads
     * and branches a character), and the scan resumes in the state they lead to. Stops at a non-ASCII
     * character, which the caller's loop then sees.
     */
    private int followTail(int state, char[] text, int from, int n) {
        int length = Math.min(tailLength[state - denseStates], n - from);
        int e = edgeStart[state];
        int j = 0;
        while (j < length) {
            char c = text[from + j];
            if (c >= ASCII || LOWER[c] != edgeKeys[e + j]) break;
            j++;
        }
        return j;
    }

    /**
     * The character {@code String.toLowerCase(Locale.ROOT)} turns non-ASCII {@code c} into, with the long s
     * read as {@code s} ({@link #longS}); -1 where that lower-casing is not one character for one (dotted
     * capital I, capital sigma whose lower case depends on the next letters, surrogates).
     */
    private static int lowerOneToOne(char c) {
        if (c == '\u0130' || c == '\u03a3' || Character.isSurrogate(c)) return -1;
        int lower = Character.toLowerCase((int) c);
        return Character.isBmpCodePoint(lower) ? longS((char) lower) : -1;
    }

    /** ASCII lower-casing by table. */
    private static final char[] LOWER = new char[ASCII];

    static {
        for (char c = 0; c < ASCII; c++) LOWER[c] = foldAscii(c);
    }

    /**
     * Bitmap over ASCII pairs (first char * 128 + second, as written: every upper/lower-case spelling of a
     * pattern's first two characters is set, so the skip loop needs no case folding) with which some
     * pattern starts.
     */
    private static long[] startPairs(List<String> patterns) {
        long[] pairs = new long[ASCII * ASCII / 64];
        for (String p : patterns) {
            String l = p.toLowerCase(Locale.ROOT);
            if (l.isEmpty() || l.charAt(0) >= ASCII) continue;
            for (char c0 : spellings(l.charAt(0))) {
                if (l.length() == 1 || l.charAt(1) >= ASCII) {
                    for (int c1 = 0; c1 < ASCII; c1++) setPair(pairs, c0, c1);
                } else {
                    for (char c1 : spellings(l.charAt(1))) setPair(pairs, c0, c1);
                }
            }
        }
        return pairs;
    }

    /** The ASCII characters that fold to lower-case {@code c}. */
    private static char[] spellings(char c) {
        return c >= 'a' && c <= 'z' ? new char[] {c, (char) (c - ('a' - 'A'))} : new char[] {c};
    }

    private static void setPair(long[] pairs, int c0, int c1) {
        int pair = c0 << 7 | c1;
        pairs[pair >>> 6] |= 1L << pair;
    }

    private void report(int code, int[] owner, long[] bits) {
        int state = -code - 1;
        mark(outStart[state], outStart[state + 1], owner, bits);
    }

    /**
     * The code after ASCII {@code c} from a state the loop carries as a special code (a dense state with
     * output, or a sparse one). Works in codes throughout: decoding a dense code would cost a division.
     */
    private int stepCode(int state, char c) {
        char folded = foldAscii(c);
        int s = state;
        while (true) {
            if (s < denseStates) return dense[s * width + classOf[c]];
            int t = child(s, folded);
            if (t >= 0) return codes[t];
            s = fail[s];
        }
    }

    /**
     * A state as the scan loop carries it: a dense state without output as the offset of its row
     * ({@code state * width}, never negative); any other state as {@code -(state + 1)}.
     */
    private int code(int state) {
        return state < denseStates && outStart[state] == outStart[state + 1] ? state * width : -state - 1;
    }

    private int state(int code) {
        return code >= 0 ? code / width : -code - 1;
    }

    /**
     * Like {@link #markFolding} for a text that is already lower-cased (any characters). ASCII characters take
     * the same steps as in {@code markFolding} (skipping at the root included); only a non-ASCII character
     * decodes the state and follows edges and failure links.
     */
    public void markLower(String lower, int[] owner, long[] bits) {
        int n = lower.length();
        int code = 0;
        for (int i = 0; i < n; i++) {
            if (code == 0) {
                for (; i + 1 < n; i++) {
                    char c0 = longS(lower.charAt(i)), c1 = longS(lower.charAt(i + 1));
                    if ((c0 | c1) >= ASCII) break;
                    int pair = c0 << 7 | c1;
                    if ((startPairs[pair >>> 6] & 1L << pair) != 0) break;
                }
            }
            char c = longS(lower.charAt(i));
            if (c < ASCII) code = code >= 0 ? dense[code + classOf[c]] : stepCode(-code - 1, c);
            else code = codes[sparseNext(state(code), c)];
            if (code < 0) report(code, owner, bits);
        }
    }

    /** Sets the owner bit of the patterns at [from, to) of {@link #outPatterns}. */
    private void mark(int from, int to, int[] owner, long[] bits) {
        for (int k = from; k < to; k++) {
            int r = owner[outPatterns[k]];
            bits[r >>> 6] |= 1L << r;
        }
    }

    /**
     * The long s reads as {@code s}: case-insensitive regular expressions (RE2) match it for {@code s}, yet
     * it is its own lower case, and a regex literal must still be found (finding more is always safe).
     */
    private static char longS(char c) {
        return c == '\u017f' ? 's' : c;
    }

    private static char foldAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** The pattern trie under construction: edges, the patterns ending at each state, and which states get dense rows. */
    private static final class Trie {
        final List<TreeMap<Character, Integer>> edges = new ArrayList<>();
        final List<List<Integer>> out = new ArrayList<>();
        int denseCount;

        static Trie of(List<String> patterns) {
            Trie t = new Trie();
            t.add();
            for (int p = 0; p < patterns.size(); p++) {
                int state = 0;
                for (char c : patterns.get(p).toLowerCase(Locale.ROOT).toCharArray()) {
                    Integer next = t.edges.get(state).get(c);
                    if (next == null) {
                        next = t.add();
                        t.edges.get(state).put(c, next);
                    }
                    state = next;
                }
                t.out.get(state).add(p);
            }
            return t;
        }

        private int add() {
            edges.add(new TreeMap<>());
            out.add(new ArrayList<>());
            return edges.size() - 1;
        }

        /** States breadth-first, those that get dense rows (shallow, or a prefix of two or more patterns) first. */
        int[] denseFirstOrder(int denseDepth) {
            int n = edges.size();
            int[] bfs = new int[n];
            int[] depth = new int[n];
            int head = 0, tail = 0;
            bfs[tail++] = 0;
            while (head < tail) {
                int s = bfs[head++];
                for (int child : edges.get(s).values()) {
                    depth[child] = depth[s] + 1;
                    bfs[tail++] = child;
                }
            }
            int[] below = new int[n];
            for (int i = n - 1; i >= 0; i--) {
                int s = bfs[i];
                below[s] += out.get(s).size();
                for (int child : edges.get(s).values()) below[s] += below[child];
            }
            int[] order = new int[n];
            int k = 0;
            for (int s : bfs) if (depth[s] <= denseDepth || below[s] >= 2) order[k++] = s;
            denseCount = k;
            // A sparse state has at most one child (one pattern lies below it): number each chain in a row.
            for (int d = 0; d < denseCount; d++) {
                for (int child : edges.get(order[d]).values()) {
                    if (depth[child] <= denseDepth || below[child] >= 2) continue;
                    for (Integer s = child; s != null; s = edges.get(s).isEmpty() ? null : edges.get(s).firstEntry().getValue()) {
                        order[k++] = s;
                    }
                }
            }
            if (k != n) throw new IllegalStateException("sparse states off their chains: " + k + " of " + n);
            return order;
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= ASCII) return false;
        return true;
    }

    /** Number of states (one per distinct pattern prefix), for memory accounting. */
    public int states() {
        return fail.length;
    }
}
