package io.vigil.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** jqwik prints the seed of a failing run; rerun with {@code @Property(seed = "...")}. */
class StrictJsonObjectPropertiesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Property(tries = 2_000)
    void neverCallsValidWhatJacksonRejects(@ForAll("nearlyJson") byte[] line) {
        if (StrictJsonObject.isValid(line)) {
            assertThat(BulkRequestParser.jacksonObjectProblem(line)).as(new String(line, StandardCharsets.UTF_8)).isNull();
        }
    }

    @Property(tries = 500)
    void acceptsObjectsJacksonWrites(@ForAll("objects") String json) {
        assertThat(StrictJsonObject.isValid(json.getBytes(StandardCharsets.UTF_8))).as(json).isTrue();
    }

    @Provide
    Arbitrary<String> objects() {
        Arbitrary<String> texts = Arbitraries.strings().all().ofMaxLength(40);
        return Arbitraries.maps(texts, Arbitraries.oneOf(texts.map(t -> (Object) t),
                        Arbitraries.longs().map(l -> (Object) l), Arbitraries.doubles().map(d -> (Object) d),
                        texts.list().ofMaxSize(3).map(l -> (Object) l)))
                .ofMaxSize(8)
                .map(m -> {
                    ObjectNode node = MAPPER.valueToTree(m);
                    node.putObject("nested").put("deeper", 1).putArray("list").add("x").addObject().put("y", true);
                    return node.toString();
                });
    }

    /** Valid objects with a few bytes replaced, inserted or cut, so both verdicts occur often. */
    @Provide
    Arbitrary<byte[]> nearlyJson() {
        Arbitrary<byte[]> valid = objects().map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<Byte> noise = Arbitraries.oneOf(Arbitraries.of((byte) '"', (byte) '\\', (byte) '{', (byte) '}', (byte) '[',
                (byte) ']', (byte) ',', (byte) ':', (byte) '0', (byte) '-', (byte) 'e', (byte) '.', (byte) 'u', (byte) ' ',
                (byte) '\n', (byte) 0, (byte) 0x1F, (byte) 0xC3, (byte) 0xA9, (byte) 0xED, (byte) 0xF4, (byte) 0xFF),
                Arbitraries.bytes());
        return Arbitraries.lazy(() -> valid).flatMap(bytes -> Arbitraries.integers().between(0, Math.max(0, bytes.length - 1))
                .list().ofMinSize(1).ofMaxSize(3).flatMap(positions -> noise.list().ofSize(positions.size()).flatMap(
                        values -> Arbitraries.integers().between(0, 2).map(mode -> mutate(bytes, positions, values, mode)))));
    }

    private static byte[] mutate(byte[] bytes, List<Integer> positions, List<Byte> values, int mode) {
        byte[] out = bytes.clone();
        if (mode == 2) return java.util.Arrays.copyOf(out, positions.getFirst());
        for (int k = 0; k < positions.size(); k++) {
            int at = Math.min(positions.get(k), out.length - 1);
            if (mode == 0) {
                out[at] = values.get(k);
            } else {
                byte[] longer = new byte[out.length + 1];
                System.arraycopy(out, 0, longer, 0, at);
                longer[at] = values.get(k);
                System.arraycopy(out, at, longer, at + 1, out.length - at);
                out = longer;
            }
        }
        return out;
    }
}
