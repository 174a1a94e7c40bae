package io.vigil.detect.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Multi-pattern substring search: one pass over a text reports every pattern occurring in it, whatever
 * the number of patterns. Built once, then immutable and thread-safe. Transitions are sorted arrays
 * (binary search) except for the root, which has a dense table for the first 256 code units.
 */
public final class AhoCorasick {

    private final char[][] keys;
    private final int[][] targets;
    private final int[] fail;
    private final int[][] outputs;
    private final int[] rootDense = new int[256];

    public AhoCorasick(List<String> patterns) {
        List<Map<Character, Integer>> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(new HashMap<>());
        out.add(new ArrayList<>());
        for (int p = 0; p < patterns.size(); p++) {
            int state = 0;
            for (char c : patterns.get(p).toCharArray()) {
                Integer next = trie.get(state).get(c);
                if (next == null) {
                    next = trie.size();
                    trie.add(new HashMap<>());
                    out.add(new ArrayList<>());
                    trie.get(state).put(c, next);
                }
                state = next;
            }
            out.get(state).add(p);
        }
        int n = trie.size();
        keys = new char[n][];
        targets = new int[n][];
        for (int s = 0; s < n; s++) {
            char[] k = new char[trie.get(s).size()];
            int i = 0;
            for (char c : trie.get(s).keySet()) k[i++] = c;
            Arrays.sort(k);
            int[] t = new int[k.length];
            for (i = 0; i < k.length; i++) t[i] = trie.get(s).get(k[i]);
            keys[s] = k;
            targets[s] = t;
        }
        Arrays.fill(rootDense, 0);
        for (int i = 0; i < keys[0].length; i++) if (keys[0][i] < 256) rootDense[keys[0][i]] = targets[0][i];
        fail = new int[n];
        outputs = new int[n][];
        linkFailures(out);
    }

    private void linkFailures(List<List<Integer>> out) {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        outputs[0] = toArray(out.get(0));
        for (int t : targets[0]) {
            fail[t] = 0;
            queue.add(t);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            List<Integer> merged = new ArrayList<>(out.get(s));
            for (int o : outputs[fail[s]]) merged.add(o);
            outputs[s] = toArray(merged);
            for (int i = 0; i < keys[s].length; i++) {
                char c = keys[s][i];
                int child = targets[s][i];
                int f = fail[s];
                while (f != 0 && step(f, c) < 0) f = fail[f];
                int g = step(f, c);
                fail[child] = g >= 0 && g != child ? g : 0;
                queue.add(child);
            }
        }
    }

    private int step(int state, char c) {
        if (state == 0) {
            if (c < 256) return rootDense[c] == 0 ? -1 : rootDense[c];
        }
        int i = Arrays.binarySearch(keys[state], c);
        return i < 0 ? -1 : targets[state][i];
    }

    /** Calls {@code onMatch} with the index of every pattern found in {@code text} (repeats possible). */
    public void scan(String text, IntConsumer onMatch) {
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int next;
            while ((next = step(state, c)) < 0 && state != 0) state = fail[state];
            state = next < 0 ? 0 : next;
            for (int o : outputs[state]) onMatch.accept(o);
        }
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
