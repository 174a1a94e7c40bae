package io.vigil.parse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.vigil.parse.DecodeResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessLogDecoderTest {
    final AccessLogDecoder apache = AccessLogDecoder.apache();

    Map<String, Object> decoded(AccessLogDecoder d, String line) {
        DecodeResult r = d.decode(line.getBytes(StandardCharsets.UTF_8));
        assertThat(r).as("result for %s", line).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).fields();
    }

    @Test
    void decodesACombinedLineIntoEcsHttpFields() {
        Map<String, Object> f = decoded(apache, "83.149.9.216 - - [17/May/2015:10:05:03 +0000] \"GET /presentations/x.png?size=2&a=b HTTP/1.1\" 200 203023 \"http://semicomplete.com/p/\" \"Mozilla/5.0 (Macintosh)\"");
        assertThat(f).contains(entry("@timestamp", "2015-05-17T10:05:03.000Z"), entry("source.ip", "83.149.9.216"),
                entry("http.request.method", "GET"), entry("url.original", "/presentations/x.png?size=2&a=b"),
                entry("url.path", "/presentations/x.png"), entry("url.query", "size=2&a=b"), entry("http.version", "1.1"),
                entry("http.response.status_code", 200L), entry("http.response.body.bytes", 203023L),
                entry("http.request.referrer", "http://semicomplete.com/p/"), entry("user_agent.original", "Mozilla/5.0 (Macintosh)"),
                entry("event.category", List.of("web")), entry("event.dataset", "apache.access"), entry("event.outcome", "success"));
        assertThat(f).doesNotContainKey("user.name");
    }

    @Test
    void decodesTheCommonFormatWithAUserAndAnOffset() {
        Map<String, Object> f = decoded(apache, "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 404 -");
        assertThat(f).contains(entry("user.name", "frank"), entry("@timestamp", "2000-10-10T20:55:36.000Z"),
                entry("http.response.status_code", 404L), entry("event.outcome", "failure"), entry("http.version", "1.0"));
        assertThat(f).doesNotContainKeys("http.response.body.bytes", "user_agent.original");
    }

    @Test
    void readsTheVirtualHostPrefixAndAResponseTime() {
        Map<String, Object> f = decoded(AccessLogDecoder.nginx(), "www.example.com:443 2001:db8::1 - - [01/Jan/2024:00:00:01 +0000] \"POST /login HTTP/2.0\" 302 0 \"-\" \"curl/8.0\" 0.012 \"10.0.0.9\"");
        assertThat(f).contains(entry("url.domain", "www.example.com"), entry("url.port", 443L), entry("source.ip", "2001:db8::1"),
                entry("http.request.method", "POST"), entry("event.duration", 12_000_000L), entry("event.dataset", "nginx.access"),
                entry("nginx.access.extra", List.of("10.0.0.9")), entry("user_agent.original", "curl/8.0"));
        assertThat(f).doesNotContainKey("http.request.referrer");
    }

    @Test
    void readsApacheMicrosecondsAndClientHostNames() {
        Map<String, Object> f = decoded(apache, "crawler.example.org - - [01/Jan/2024:00:00:01 +0000] \"GET / HTTP/1.1\" 200 12 \"-\" \"bot\" 1534");
        assertThat(f).contains(entry("source.domain", "crawler.example.org"), entry("event.duration", 1_534_000L));
        assertThat(f).doesNotContainKey("source.ip");
    }

    @Test
    void keepsJunkRequestsAndEscapedQuotes() {
        Map<String, Object> f = decoded(apache, "1.2.3.4 - - [01/Jan/2024:00:00:01 +0000] \"\\x16\\x03\\x01\" 400 226 \"-\" \"a \\\"quoted\\\" agent\"");
        assertThat(f).contains(entry("url.original", "\\x16\\x03\\x01"), entry("user_agent.original", "a \"quoted\" agent"));
        assertThat(f).doesNotContainKey("http.request.method");
        Map<String, Object> absolute = decoded(apache, "1.2.3.4 - - [01/Jan/2024:00:00:01 +0000] \"GET http://evil.test:8080/x?y HTTP/1.1\" 200 1");
        assertThat(absolute).contains(entry("url.domain", "evil.test"), entry("url.port", 8080L), entry("url.path", "/x"), entry("url.query", "y"));
    }

    @Test
    void leavesOtherLinesAloneAndFailsBrokenAccessLines() {
        assertThat(apache.decode("Mar 27 13:06:56 host sshd[1]: hi".getBytes())).isEqualTo(DecodeResult.notMine());
        assertThat(apache.decode("{\"a\":1}".getBytes())).isEqualTo(DecodeResult.notMine());
        assertThat(apache.decode("1.2.3.4 - - [not a time] \"GET / HTTP/1.1\" 200 1".getBytes())).isEqualTo(DecodeResult.notMine());
        assertThat(apache.decode("1.2.3.4 - - [01/Jan/2024:00:00:01 +0000] GET / 200".getBytes()))
                .isInstanceOf(DecodeResult.Failed.class);
        assertThat(apache.decode("1.2.3.4 - - [01/Jan/2024:00:00:01 +0000] \"GET / HTTP/1.1\" abc 1".getBytes()))
                .isInstanceOf(DecodeResult.Failed.class);
    }
}
