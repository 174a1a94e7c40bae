package io.vigil.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A raw line inside a JSON document's message is decoded too, and the document's own fields are kept. */
class MessageDecodersTest {
    final DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());

    Event parse(String line) {
        return parser.parse(new RawBatch("http", "", "", 0, List.of(line.getBytes(StandardCharsets.UTF_8))), 0).getFirst().event();
    }

    @Test
    void decodesAnAccessLineNamedByTheDataset() {
        String access = "10.1.2.3 - alice [17/May/2015:10:05:03 +0000] \\\"GET /a?b=1 HTTP/1.1\\\" 503 12 \\\"-\\\" \\\"curl\\\"";
        Event e = parse("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"message\":\"" + access + "\",\"event\":{\"dataset\":\"apache.access\"},\"host\":{\"name\":\"web1\"}}");
        assertThat(e.fields()).contains(entry("@timestamp", "2026-01-01T00:00:00.000Z"), entry("host.name", "web1"),
                entry("event.dataset", "apache.access"), entry("source.ip", "10.1.2.3"), entry("user.name", "alice"),
                entry("http.response.status_code", 503L), entry("event.outcome", "failure"), entry("url.query", "b=1"),
                entry("event.category", List.of("web")));
        assertThat(e.text("message")).startsWith("10.1.2.3 - alice");
    }

    @Test
    void decodesASyslogAuthLineAndKeepsTheLineAsOriginal() {
        String auth = "Mar 27 13:06:56 ip-10-77-20-248 sshd[1291]: Failed password for root from 5.6.7.8 port 4242 ssh2";
        Event e = parse("{\"message\":\"" + auth + "\",\"event\":{\"module\":\"system\",\"dataset\":\"system.auth\"}}");
        assertThat(e.fields()).contains(entry("event.outcome", "failure"), entry("user.name", "root"), entry("source.ip", "5.6.7.8"),
                entry("source.port", 4242L), entry("process.name", "sshd"), entry("event.original", auth),
                entry("message", "Failed password for root from 5.6.7.8 port 4242 ssh2"));
    }

    @Test
    void detectsALineWhenNoDatasetIsGiven() {
        Event e = parse("{\"message\":\"1.2.3.4 - - [17/May/2015:10:05:03 +0000] \\\"GET / HTTP/1.1\\\" 200 1\"}");
        assertThat(e.fields()).contains(entry("event.dataset", "apache.access"), entry("http.response.status_code", 200L));
        Event plain = parse("{\"message\":\"just words\",\"x\":1}");
        assertThat(plain.fields()).contains(entry("message", "just words"), entry("x", 1L)).doesNotContainKey("event.dataset");
    }

    @Test
    void tagsAMessageTheNamedDecoderCannotRead() {
        Event e = parse("{\"message\":\"not an access line\",\"event\":{\"dataset\":\"nginx.access\"}}");
        assertThat(e.hasTag(MessageDecoders.MESSAGE_FAILURE_TAG)).isTrue();
        assertThat(e.hasTag("_parse_failure")).isFalse();
        assertThat(e.text("error.message")).contains("nginx");
        assertThat(e.fields()).containsEntry("message", "not an access line");
    }

    @Test
    void leavesDocumentsWithAnUnknownDatasetAlone() {
        Event e = parse("{\"message\":\"1.2.3.4 - - [17/May/2015:10:05:03 +0000] \\\"GET / HTTP/1.1\\\" 200 1\",\"event\":{\"dataset\":\"custom\"}}");
        assertThat(e.fields()).doesNotContainKey("http.response.status_code");
    }
}
