package io.vigil.parse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.vigil.parse.DecodeResult;
import io.vigil.parse.LineOrigin;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class W3cDecoderTest {
    final W3cDecoder decoder = new W3cDecoder();
    final LineOrigin web1 = new LineOrigin("iis", "file", "10.0.0.1");
    final LineOrigin web2 = new LineOrigin("iis", "file", "10.0.0.2");

    DecodeResult decode(LineOrigin origin, String line) {
        return decoder.decode(origin, line.getBytes(StandardCharsets.UTF_8));
    }

    Map<String, Object> decoded(LineOrigin origin, String line) {
        DecodeResult r = decode(origin, line);
        assertThat(r).as("result for %s", line).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).fields();
    }

    @Test
    void usesTheFieldsHeaderOfEachSource() {
        decoded(web1, "#Software: Microsoft Internet Information Services 10.0");
        Map<String, Object> header = decoded(web1, "#Fields: date time cs-method cs-uri-stem cs-uri-query c-ip cs(User-Agent) sc-status sc-bytes time-taken cs-host");
        assertThat(header).contains(entry("event.action", "w3c-directive"), entry("iis.access.directive", "Fields"));
        Map<String, Object> f = decoded(web1, "2024-03-01 10:00:00 GET /owa/auth.owa a=1 203.0.113.9 Mozilla/5.0+(Windows+NT+10.0) 401 512 31 mail.example.com");
        assertThat(f).contains(entry("@timestamp", "2024-03-01T10:00:00.000Z"), entry("http.request.method", "GET"),
                entry("url.path", "/owa/auth.owa"), entry("url.query", "a=1"), entry("url.original", "/owa/auth.owa?a=1"),
                entry("source.ip", "203.0.113.9"), entry("user_agent.original", "Mozilla/5.0 (Windows NT 10.0)"),
                entry("http.response.status_code", 401L), entry("event.outcome", "failure"), entry("http.response.body.bytes", 512L),
                entry("event.duration", 31_000_000L), entry("url.domain", "mail.example.com"), entry("event.dataset", "iis.access"));
        // another source with no header yet uses IIS's default columns, so the 11-column line is not claimed there
        assertThat(decode(web2, "2024-03-01 10:00:00 GET /owa/auth.owa a=1 203.0.113.9 Mozilla/5.0 401 512 31 mail.example.com"))
                .isEqualTo(DecodeResult.notMine());
    }

    @Test
    void readsTheDefaultIisColumnsWithoutAHeader() {
        Map<String, Object> f = decoded(web2, "2024-03-01 10:00:00 10.0.0.2 POST /api - 443 bob 198.51.100.7 curl/8 - 200 0 0 15");
        assertThat(f).contains(entry("destination.ip", "10.0.0.2"), entry("destination.port", 443L), entry("user.name", "bob"),
                entry("source.ip", "198.51.100.7"), entry("http.response.status_code", 200L), entry("iis.access.sub_status", 0L),
                entry("event.duration", 15_000_000L));
        assertThat(f).doesNotContainKeys("url.query", "http.request.referrer");
    }

    @Test
    void aNewHeaderReplacesTheOldOne() {
        decoded(web1, "#Fields: date time c-ip sc-status");
        assertThat(decoded(web1, "2024-03-01 10:00:00 1.1.1.1 500")).contains(entry("http.response.status_code", 500L));
        decoded(web1, "#Fields: date time sc-status c-ip");
        assertThat(decoded(web1, "2024-03-01 10:00:00 404 1.1.1.1")).contains(entry("http.response.status_code", 404L));
    }

    @Test
    void rejectsAnEmptyHeaderAndIgnoresOtherHashLines() {
        assertThat(decode(web1, "#Fields:")).isInstanceOf(DecodeResult.Failed.class);
        assertThat(decode(web1, "# a comment")).isEqualTo(DecodeResult.notMine());
        assertThat(decode(web1, "2024-03-01 10:00:00 not enough")).isEqualTo(DecodeResult.notMine());
    }
}
