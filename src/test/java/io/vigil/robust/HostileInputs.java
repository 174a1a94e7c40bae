package io.vigil.robust;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded stream of hostile inputs derived from valid examples: random bytes, truncations, bit flips, spliced
 * examples, huge repetitions (up to 4 MiB) and deep nesting (up to 200,000 levels of brackets, parentheses or
 * YAML indentation). Cheap to generate, so the parsers, not the generator, dominate a long run.
 */
final class HostileInputs {
    private static final String[] OPENERS = {"[", "{\"a\":", "(", "- ", "{a: ", "NOT ", "<", "\"", "\\", "a:(", "[1 TO "};
    private final SplittableRandom random;
    private final byte[][] seeds;

    HostileInputs(long seed, List<String> examples) {
        this.random = new SplittableRandom(seed);
        this.seeds = examples.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    byte[] next() {
        byte[] base = seeds[random.nextInt(seeds.length)];
        return switch (random.nextInt(10)) {
            case 0 -> randomBytes(random.nextInt(512));
            case 1 -> Arrays.copyOf(base, random.nextInt(base.length + 1));
            case 2, 3 -> flip(base.clone(), 1 + random.nextInt(8));
            case 4 -> splice(base, seeds[random.nextInt(seeds.length)]);
            case 5 -> random.nextInt(50) == 0 ? huge(base) : repeat(base, 2 + random.nextInt(20));
            case 6 -> random.nextInt(20) == 0 ? nested(200_000) : nested(1 + random.nextInt(2_000));
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

    private byte[] nested(int depth) {
        String opener = OPENERS[random.nextInt(OPENERS.length)];
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
