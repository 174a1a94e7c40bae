package io.vigil.robust;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded stream of hostile inputs derived from valid examples: random bytes, truncations, bit flips, spliced
 * examples, huge repetitions (up to 4 MiB) and deep nesting (up to 200,000 levels of brackets, parentheses or
 * YAML indentation). Cheap to generate, so the parsers, not the generator, dominate a long run.
 *
 * <p>A huge input is a repetition of one example and a deepest nesting one opener repeated, so there are only as
 * many distinct ones as examples and openers; each is generated once, and later draws of the same one become a
 * moderate repetition or nesting instead. Before, a long run parsed the same few 4 MiB inputs thousands of times
 * (0.2 % of draws, most of the time of a million-input run) without testing anything new.
 */
final class HostileInputs {
    private static final String[] OPENERS = {"[", "{\"a\":", "(", "- ", "{a: ", "NOT ", "<", "\"", "\\", "a:(", "[1 TO "};
    private final SplittableRandom random;
    private final byte[][] seeds;
    private final java.util.Set<Integer> hugeDone = new java.util.HashSet<>();
    private final java.util.Set<String> deepestDone = new java.util.HashSet<>();

    HostileInputs(long seed, List<String> examples) {
        this.random = new SplittableRandom(seed);
        this.seeds = examples.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    byte[] next() {
        int example = random.nextInt(seeds.length);
        byte[] base = seeds[example];
        return switch (random.nextInt(10)) {
            case 0 -> randomBytes(random.nextInt(512));
            case 1 -> Arrays.copyOf(base, random.nextInt(base.length + 1));
            case 2, 3 -> flip(base.clone(), 1 + random.nextInt(8));
            case 4 -> splice(base, seeds[random.nextInt(seeds.length)]);
            case 5 -> random.nextInt(50) == 0 && hugeDone.add(example) ? huge(base) : repeat(base, 2 + random.nextInt(20));
            case 6 -> random.nextInt(20) == 0 ? deepest() : nested(opener(), 1 + random.nextInt(2_000));
            case 7 -> insertSpecial(base.clone());
            default -> flip(base.clone(), random.nextInt(3));
        };
    }

    private byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) out[i] = (byte) random.nextInt(256);
        return out;
    }

    private byte[] flip(byte[] bytes, int flips) {
        for (int i = 0; i < flips && bytes.length > 0; i++) bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        return bytes;
    }

    private byte[] splice(byte[] a, byte[] b) {
        int cutA = random.nextInt(a.length + 1), cutB = random.nextInt(b.length + 1);
        byte[] out = Arrays.copyOf(a, cutA + b.length - cutB);
        System.arraycopy(b, cutB, out, cutA, b.length - cutB);
        return out;
    }

    private static byte[] repeat(byte[] base, int times) {
        byte[] out = new byte[base.length * times];
        for (int i = 0; i < times; i++) System.arraycopy(base, 0, out, i * base.length, base.length);
        return out;
    }

    private static byte[] huge(byte[] base) {
        return repeat(base.length == 0 ? new byte[] {'a'} : base, Math.max(1, (4 << 20) / Math.max(1, base.length)));
    }

    private String opener() {
        return OPENERS[random.nextInt(OPENERS.length)];
    }

    /** The deepest nesting for an opener not used yet at that depth, else a moderate one. */
    private byte[] deepest() {
        String opener = opener();
        return deepestDone.add(opener) ? nested(opener, 200_000) : nested(opener, 1 + random.nextInt(2_000));
    }

    private static byte[] nested(String opener, int depth) {
        StringBuilder sb = new StringBuilder(depth * opener.length() + 8);
        for (int i = 0; i < depth; i++) {
            sb.append(opener);
            if (opener.equals("- ") || opener.equals("{a: ")) sb.append('\n').append(" ".repeat(Math.min(i, 64)));
        }
        sb.append("x");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] insertSpecial(byte[] bytes) {
        byte[] specials = {0, '\n', '\r', '"', '\\', '{', '}', '[', ']', ':', '<', '>', '*', '?', '|', (byte) 0xC3, (byte) 0xFF};
        for (int i = 0; i < 1 + random.nextInt(4) && bytes.length > 0; i++) bytes[random.nextInt(bytes.length)] = specials[random.nextInt(specials.length)];
        return bytes;
    }
}
