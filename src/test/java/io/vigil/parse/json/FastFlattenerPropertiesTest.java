package io.vigil.parse.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link JsonFlattener} (fast reader first) gives exactly what {@link JsonFlattener#jacksonOnly} gives: the same
 * entries in the same order with the same value types, or the same error message; and whatever
 * {@link FastFlattener} settles by itself, Jackson accepts and flattens to the same map. jqwik prints the seed
 * of a failing run; rerun with {@code @Property(seed = "...")}.
 */
class FastFlattenerPropertiesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final FlattenLimits LIMITS = new FlattenLimits(6, 40);
    private final JsonFlattener flattener = new JsonFlattener(LIMITS);
    private final JsonFlattener jackson = JsonFlattener.jacksonOnly(LIMITS);

    @Property(tries = 1_000)
    void flattensJsonExactlyAsJacksonDoes(@ForAll("documents") String json) {
        assertSameOutcome(json.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 2_000)
    void damagedJsonFailsOrFlattensExactlyAsJacksonDoes(@ForAll("documents") String json, @ForAll("damage") List<Integer> edits) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String alphabet = "\"{}[],:\\ 0-.eE+tfnu\u0001x";
        for (int k = 0; k + 1 < edits.size() && bytes.length > 0; k += 2) {
            int at = Math.floorMod(edits.get(k), bytes.length);
            int what = Math.floorMod(edits.get(k + 1), alphabet.length() + 4);
            bytes[at] = what < alphabet.length() ? (byte) alphabet.charAt(what) : (byte) (0x80 + what * 29);
        }
        assertSameOutcome(bytes);
    }

    private void assertSameOutcome(byte[] bytes) {
        String what = new String(bytes, StandardCharsets.UTF_8);
        Object reference = outcome(jackson, bytes);
        assertSameOutcome(outcome(flattener, bytes), reference, what);
        Map<String, Object> fast = FastFlattener.flatten(bytes, 0, bytes.length, LIMITS);
        if (fast != null) assertSameOutcome(fast, reference, what + " (fast reader alone)");
    }

    private static Object outcome(JsonFlattener reader, byte[] bytes) {
        try {
            return reader.flatten(bytes);
        } catch (FlattenException e) {
            return "failed: " + e.getMessage();
        }
    }

    private static void assertSameOutcome(Object now, Object reference, String what) {
        if (now instanceof Map<?, ?> a && reference instanceof Map<?, ?> b) {
            assertThat(new ArrayList<>(a.entrySet())).as(what).isEqualTo(new ArrayList<>(b.entrySet()));
            b.forEach((k, v) -> assertThat(kind(a.get(k))).as(what + " " + k).isEqualTo(kind(v)));
        } else {
            assertThat(now).as(what).isEqualTo(reference);
        }
    }

    /** The value's class, and for lists the classes of the elements (a Long inside is not a String). */
    private static Object kind(Object value) {
        return value instanceof List<?> list ? list.stream().map(Object::getClass).toList() : value.getClass();
    }

    @Provide
    Arbitrary<List<Integer>> damage() {
        return Arbitraries.integers().list().ofMinSize(2).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("a", "b", "a.b", "", "EventID", "x y", "é", "\\u00e9"),
                Arbitraries.strings().all().ofMaxLength(8));
        Arbitrary<String> scalars = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30).map(MAPPER::valueToTree).map(Object::toString),
                Arbitraries.of("\"a\\r\\n\\tb\"", "\"\\ud83d\\ude00\\ud800\"", "\"é中😀\"", "\"\\\"\\\\\\/\\b\\f\"",
                        "-0", "0", "-0.0", "1e5", "1E-2", "2.50", "9223372036854775807", "9223372036854775808",
                        "-9223372036854775809", "123456789012345678901234567890", "1.7976931348623157e309",
                        "true", "false", "null"),
                Arbitraries.longs().map(String::valueOf), Arbitraries.doubles().map(String::valueOf));
        Arbitrary<String> leaf = scalars;
        Arbitrary<String> level1 = container(names, leaf);
        Arbitrary<String> level2 = container(names, Arbitraries.oneOf(leaf, level1));
        Arbitrary<String> level3 = container(names, Arbitraries.oneOf(leaf, level2));
        return object(names, Arbitraries.oneOf(leaf, level1, level2, level3)).map(s -> " " + s + "\n");
    }

    private static Arbitrary<String> container(Arbitrary<String> names, Arbitrary<String> values) {
        return Arbitraries.oneOf(object(names, values),
                values.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"));
    }

    private static Arbitrary<String> object(Arbitrary<String> names, Arbitrary<String> values) {
        return Arbitraries.entries(names.map(n -> MAPPER.valueToTree(n).toString()), values).list().ofMaxSize(6)
                .map(es -> {
                    StringBuilder out = new StringBuilder("{");
                    for (var e : es) out.append(out.length() > 1 ? " , " : "").append(e.getKey()).append(":").append(e.getValue());
                    return out.append("}").toString();
                });
    }
}
