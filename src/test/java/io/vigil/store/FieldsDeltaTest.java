package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FieldsDeltaTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> roundTrip(Map<String, Object> fields, byte[] raw) {
        byte[] delta = FieldsDelta.of(fields, raw).orElseThrow();
        return FieldsDelta.apply(raw, delta, 0, delta.length);
    }

    @Test
    void fieldsThatMirrorTheRawJsonNeedAnAlmostEmptyDelta() {
        byte[] raw = utf8("{\"host\":{\"name\":\"h1\"},\"source\":{\"port\":22},\"tags\":[\"a\",\"b\"]}");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("host.name", "h1");
        fields.put("source.port", 22L);
        fields.put("tags", List.of("a", "b"));
        assertThat(new String(FieldsDelta.of(fields, raw).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(roundTrip(fields, raw)).isEqualTo(fields);
    }

    @Test
    void addedChangedAndDroppedFieldsAreReproduced() {
        String text = "{\"a\":{\"b\":1,\"c\":\"x\"},\"d\":true}";
        byte[] raw = utf8(text);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("a.b", 2.5);
        fields.put("event.ingested", "2026-11-29T00:00:00Z");
        fields.put("d", true);
        fields.put("event.original", text);
        assertThat(roundTrip(fields, raw)).isEqualTo(fields);
    }

    @Test
    void renamedFieldsAreStoredAsTheirRawPathNotTheirValue() {
        String guid = "{54849625-5478-4994-a5ba-3e3b0328c30d}";
        byte[] raw = utf8("{\"Hostname\":\"WS1\",\"ProviderGuid\":\"" + guid.replace("\"", "") + "\",\"EventID\":4624}");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("host.name", "WS1");
        fields.put("winlog.provider_guid", guid);
        fields.put("event.code", "4624");
        byte[] delta = FieldsDelta.of(fields, raw).orElseThrow();
        assertThat(new String(delta, StandardCharsets.UTF_8)).doesNotContain("54849625").contains("\"event.code\":\"4624\"");
        assertThat(FieldsDelta.apply(raw, delta, 0, delta.length)).isEqualTo(fields);
    }

    @Test
    void rawThatIsNotAPlainJsonObjectIsNotUsed() {
        Map<String, Object> fields = Map.of("message", "hello");
        assertThat(FieldsDelta.of(fields, utf8("<34>Oct 11 22:14:15 host su: hello"))).isEmpty();
        assertThat(FieldsDelta.of(fields, utf8("{\"message\":\"hello\"} trailing"))).isEmpty();
        assertThat(FieldsDelta.of(fields, utf8("{\"list\":[{\"k\":1}]}"))).isEmpty();
        assertThat(FieldsDelta.of(fields, utf8("{\"a.b\":1,\"a\":{\"b\":2}}"))).isEmpty();
    }

    @Property(tries = 200)
    void anyEditOfTheRawFieldsRoundTrips(@ForAll("flatMaps") Map<String, Object> original,
                                         @ForAll("flatMaps") Map<String, Object> edits) throws Exception {
        byte[] raw = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(original);
        Map<String, Object> fields = new LinkedHashMap<>(original);
        fields.putAll(edits);
        if (!edits.isEmpty()) fields.remove(original.keySet().stream().findFirst().orElse(""));
        if (!original.isEmpty() && edits.size() > 1) fields.put("renamed", original.values().iterator().next());
        Optional<byte[]> delta = FieldsDelta.of(fields, raw);
        assertThat(delta).isPresent();
        assertThat(FieldsDelta.apply(raw, delta.get(), 0, delta.get().length)).isEqualTo(fields);
    }

    @Provide
    Arbitrary<Map<String, Object>> flatMaps() {
        Arbitrary<Object> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.doubles().between(-1e6, 1e6).map(d -> (Object) d),
                Arbitraries.strings().alpha().ofMaxLength(4).list().ofMaxSize(3).map(l -> (Object) List.copyOf(l)));
        return Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3), values).ofMaxSize(8)
                .map(LinkedHashMap::new);
    }
}
