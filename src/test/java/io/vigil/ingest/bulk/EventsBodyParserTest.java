package io.vigil.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventsBodyParserTest {
    private static EventsBodyParser.Parsed parse(String body) throws EventsBodyParser.MalformedBodyException {
        return EventsBodyParser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void slicesArrayElementsByteForByte() throws Exception {
        EventsBodyParser.Parsed parsed = parse(" [ {\"a\": 1,  \"b\":{\"c\":[1,2]}} ,{\"é\":\"x\"}, 5 ]");
        assertThat(parsed.lines()).extracting(b -> new String(b, StandardCharsets.UTF_8))
                .containsExactly("{\"a\": 1,  \"b\":{\"c\":[1,2]}}", "{\"é\":\"x\"}", "5");
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("index");
            assertThat(p.position()).isEqualTo(2);
        });
    }

    @Test
    void readsNdjsonKeepingMalformedLines() throws Exception {
        EventsBodyParser.Parsed parsed = parse("{\"a\":1}\n\n{oops\n{\"b\":2}");
        assertThat(parsed.lines()).hasSize(3);
        assertThat(parsed.problems()).singleElement().satisfies(p -> assertThat(p.position()).isEqualTo(3));
    }

    @Test
    void brokenArrayFailsTheWholeBody() {
        assertThatThrownBy(() -> parse("[{\"a\":1}, {\"b\":")).isInstanceOf(EventsBodyParser.MalformedBodyException.class);
    }
}
