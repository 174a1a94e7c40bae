package io.vigil.parse.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFlattenerTest {
    private final JsonFlattener flattener = new JsonFlattener();

    @Test
    void mergesNestedObjectsAndDottedKeys() throws Exception {
        Map<String, Object> flat = flattener.flatten("{\"a\":{\"b\":1},\"a.c\":2}");
        assertThat(flat).containsExactly(Map.entry("a.b", 1L), Map.entry("a.c", 2L));
    }

    @Test
    void keepsScalarTypesAndDropsNulls() throws Exception {
        Map<String, Object> flat = flattener.flatten(
                "{\"s\":\"x\",\"i\":-3,\"d\":1.5,\"t\":true,\"f\":false,\"n\":null,\"big\":123456789012345678901234}");
        assertThat(flat).containsExactly(Map.entry("s", "x"), Map.entry("i", -3L), Map.entry("d", 1.5),
                Map.entry("t", true), Map.entry("f", false), Map.entry("big", "123456789012345678901234"));
    }

    @Test
    void turnsArraysOfScalarsIntoLists() throws Exception {
        assertThat(flattener.flatten("{\"tags\":[\"a\",\"b\"],\"one\":[7],\"empty\":[]}"))
                .containsExactly(Map.entry("tags", List.of("a", "b")), Map.entry("one", List.of(7L)));
    }

    @Test
    void collectsEachLeafPathOfAnArrayOfObjectsIntoAList() throws Exception {
        Map<String, Object> flat = flattener.flatten("{\"x\":[{\"b\":1},{\"b\":2,\"c\":{\"d\":\"z\"}}]}");
        assertThat(flat).containsExactly(Map.entry("x.b", List.of(1L, 2L)), Map.entry("x.c.d", List.of("z")));
    }

    @Test
    void keepsBothValuesWhenAPathRepeats() throws Exception {
        assertThat(flattener.flatten("{\"a\":{\"b\":1},\"a.b\":2}")).containsExactly(Map.entry("a.b", List.of(1L, 2L)));
    }

    @Test
    void rejectsWhatIsNotAnObjectWithAReason() {
        assertThatThrownBy(() -> flattener.flatten("[1,2]")).hasMessage("is not a JSON object: it starts with an array");
        assertThatThrownBy(() -> flattener.flatten("{ x}")).hasMessageStartingWith(
                "is not a JSON object: Unexpected character ('x' (code 120))").hasMessageEndingWith("at column 3");
        assertThatThrownBy(() -> flattener.flatten("{\"a\":1")).hasMessageStartingWith("is not a JSON object:");
        assertThatThrownBy(() -> flattener.flatten("{\"a\":1} {}")).hasMessageContaining("after the object");
        assertThatThrownBy(() -> flattener.flatten("")).hasMessage("is not a JSON object: it is empty");
    }

    @Test
    void rejectsDocumentsNestedDeeperThanTheLimitWithoutOverflowingTheStack() {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        assertThatThrownBy(() -> flattener.flatten(deep)).hasMessage("nests deeper than 64 levels");
        String deepArrays = "{\"a\":" + "[".repeat(70) + "]".repeat(70) + "}";
        assertThatThrownBy(() -> flattener.flatten(deepArrays)).hasMessage("nests deeper than 64 levels");
    }

    @Test
    void acceptsNestingExactlyAtTheLimit() throws Exception {
        String atLimit = "{\"a\":".repeat(63) + "{\"leaf\":1}" + "}".repeat(63);
        assertThat(flattener.flatten(atLimit)).hasSize(1).containsValue(1L);
    }

    @Test
    void rejectsDocumentsWithTooManyFields() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i <= 10_000; i++) b.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":1");
        assertThatThrownBy(() -> flattener.flatten(b.append('}').toString())).hasMessage("has more than 10000 fields");
    }
}
