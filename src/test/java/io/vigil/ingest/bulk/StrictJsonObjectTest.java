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

/** Verdicts on hand-picked edge cases; the properties are in {@link StrictJsonObjectPropertiesTest}. */
class StrictJsonObjectTest {
    @Test
    void acceptsEscapesUnicodeNumbersAndNesting() {
        for (String json : List.of("{}", " {\"a\":1}\r", "{\"m\":\"a\\r\\n\\tb \\\"q\\\" \\\\ \\/ \\u00e9\\uD83D\\uDE00\"}",
                "{\"k\":\"é中😀\",\"n\":[-0,1.5e-3,2E+10,0.25,-12],\"o\":{\"p\":[true,false,null,{}],\"q\":[]}}")) {
            assertThat(StrictJsonObject.isValid(json.getBytes(StandardCharsets.UTF_8))).as(json).isTrue();
        }
    }

    @Test
    void leavesEverythingDoubtfulToJackson() {
        for (String json : List.of("", "[]", "{", "{\"a\":1,}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":tru}", "{\"a\":truex}",
                "{\"a\":\"\t\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":1} {}", "{\"a\" 1}", "{a:1}",
                "{\"a\":NaN}", "{\"a\":1}x", "{\"a\":\"unterminated}")) {
            assertThat(StrictJsonObject.isValid(json.getBytes(StandardCharsets.UTF_8))).as(json).isFalse();
        }
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        byte[] surrogate = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        byte[] truncated = {'{', '"', 'a', '"', ':', '"', (byte) 0xE4, (byte) 0xB8, '"', '}'};
        assertThat(StrictJsonObject.isValid(overlong)).isFalse();
        assertThat(StrictJsonObject.isValid(surrogate)).isFalse();
        assertThat(StrictJsonObject.isValid(truncated)).isFalse();
        assertThat(StrictJsonObject.isValid(("{\"a\":" + "[".repeat(300) + "]".repeat(300) + "}").getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
