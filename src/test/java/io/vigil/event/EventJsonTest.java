package io.vigil.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    /** Compares as text: the parser reads 22 as an int node, toNested writes a long node. */
    private static String text(String json) throws Exception {
        return json(json).toString();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    @Test
    void nestsDottedKeysIntoObjects() throws Exception {
        var nested = EventJson.toNested(map("@timestamp", "2026-11-29T10:00:00Z", "source.ip", "10.0.0.1",
                "source.port", 22L, "winlog.event_data.TargetUserName", "bob", "tags", List.of("a", "b")));
        assertThat(nested.toString()).isEqualTo(text("""
                {"@timestamp":"2026-11-29T10:00:00Z","source":{"ip":"10.0.0.1","port":22},
                 "winlog":{"event_data":{"TargetUserName":"bob"}},"tags":["a","b"]}"""));
    }

    @Test
    void keepsLongerKeyDottedWhenAShorterKeyIsALeaf() throws Exception {
        assertThat(EventJson.toNested(map("a", 1L, "a.b", 2L)).toString()).isEqualTo(text("{\"a\":1,\"a.b\":2}"));
        assertThat(EventJson.toNested(map("a.b", 2L, "a", 1L)).toString()).isEqualTo(text("{\"a.b\":2,\"a\":1}"));
        assertThat(EventJson.toNested(map("x.a.b.c", "deep", "x.a", "leaf", "x.z", true)).toString()).isEqualTo(text("{\"x\":{\"a.b.c\":\"deep\",\"a\":\"leaf\",\"z\":true}}"));
    }

    @Test
    void flattensNestedObjectsAndDottedKeysAlike() throws Exception {
        Map<String, Object> flat = EventJson.flatten(json("""
                {"source":{"ip":"10.0.0.1","port":22},"event.code":"4625","ok":true,"ratio":0.5,"gone":null}"""));
        assertThat(flat).containsExactly(Map.entry("source.ip", "10.0.0.1"), Map.entry("source.port", 22L),
                Map.entry("event.code", "4625"), Map.entry("ok", true), Map.entry("ratio", 0.5));
    }

    @Test
    void flattensArraysOfScalarsToListsAndArraysOfObjectsToListsPerLeaf() throws Exception {
        Map<String, Object> flat = EventJson.flatten(json("""
                {"tags":["x","y"],"proc":[{"pid":1,"name":"a"},{"pid":2}],"nested":[[1,2],[3]],"empty":[],"one":[7]}"""));
        assertThat(flat).containsExactly(Map.entry("tags", List.of("x", "y")), Map.entry("proc.pid", List.of(1L, 2L)),
                Map.entry("proc.name", List.of("a")), Map.entry("nested", List.of(1L, 2L, 3L)), Map.entry("one", List.of(7L)));
    }

    @Test
    void collectsValuesOfAKeyGivenBothDottedAndNested() throws Exception {
        assertThat(EventJson.flatten(json("{\"a.b\":1,\"a\":{\"b\":2}}"))).containsExactly(Map.entry("a.b", List.of(1L, 2L)));
    }

    @Test
    void turnsHugeIntegersIntoDoubles() throws Exception {
        assertThat(EventJson.flatten(json("{\"n\":123456789012345678901234567890}")).get("n")).isEqualTo(1.2345678901234568E29);
    }

    @Test
    void rejectsNonObjects() {
        assertThatThrownBy(() -> EventJson.flatten(json("[1]"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON object").hasMessageContaining("ARRAY");
    }

    @Test
    void flattenedListsAreImmutable() throws Exception {
        Object tags = EventJson.flatten(json("{\"tags\":[\"x\"]}")).get("tags");
        assertThatThrownBy(() -> ((List<Object>) tags).add("y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Property(tries = 300)
    void flattenUndoesToNested(@ForAll("flatEvents") Map<String, Object> flat) {
        assertThat(EventJson.flatten(EventJson.toNested(flat))).isEqualTo(flat);
    }

    @Property(tries = 500)
    void flatteningIsStableThroughNesting(@ForAll("jsonObjects") JsonNode json) {
        Map<String, Object> flat = EventJson.flatten(json);
        assertThat(EventJson.flatten(EventJson.toNested(flat))).isEqualTo(flat);
        assertThat(flat.values()).allSatisfy(v -> assertThat(v).isInstanceOfAny(String.class, Long.class, Double.class,
                Boolean.class, List.class));
    }

    @Provide
    Arbitrary<JsonNode> jsonObjects() {
        return object(3).map(JsonNode.class::cast);
    }

    private Arbitrary<ObjectNode> object(int depth) {
        Arbitrary<String> key = Arbitraries.of("a", "b", "a.b", "c.d.e", "", "x");
        Arbitrary<JsonNode> value = value(depth);
        return Arbitraries.maps(key, value).ofMaxSize(4).map(m -> {
            var node = JSON.createObjectNode();
            m.forEach(node::set);
            return node;
        });
    }

    private Arbitrary<JsonNode> value(int depth) {
        var f = JsonNodeFactory.instance;
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(4).map(f::textNode), Arbitraries.longs().map(f::numberNode),
                Arbitraries.integers().map(f::numberNode), Arbitraries.doubles().map(f::numberNode),
                Arbitraries.of(true, false).map(f::booleanNode), Arbitraries.just(f.nullNode()));
        if (depth == 0) return scalar;
        Arbitrary<JsonNode> inner = Arbitraries.lazy(() -> value(depth - 1));
        return Arbitraries.frequencyOf(Tuple.of(4, scalar),
                Tuple.of(1, object(depth - 1).map(JsonNode.class::cast)),
                Tuple.of(1, inner.list().ofMaxSize(3).map(l -> (JsonNode) f.arrayNode().addAll(l))));
    }

    @Provide
    Arbitrary<Map<String, Object>> flatEvents() {
        Arbitrary<String> segment = Arbitraries.of("a", "b", "source", "ip", "", "@timestamp", "x y", "é");
        Arbitrary<String> key = segment.list().ofMinSize(1).ofMaxSize(4).map(s -> String.join(".", s));
        Arbitrary<Object> scalar = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(5).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b));
        Arbitrary<Object> value = Arbitraries.oneOf(scalar, scalar.list().ofMinSize(1).ofMaxSize(3).map(l -> (Object) l));
        return Arbitraries.maps(key, value).ofMaxSize(8).map(LinkedHashMap::new);
    }
}
