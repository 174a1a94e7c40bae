package io.vigil.parse.suricata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuricataEveTest {
    final DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());

    Event parse(String line) {
        return parser.parse(new RawBatch("http", "", "", 0, List.of(line.getBytes(StandardCharsets.UTF_8))), 0).getFirst().event();
    }

    @Test
    void mapsAnAlertToRuleAndNetworkFields() {
        Event e = parse("{\"timestamp\":\"2017-03-24T14:01:29.933314-0600\",\"flow_id\":1846490110167913,\"event_type\":\"alert\",\"src_ip\":\"10.10.8.168\",\"src_port\":1698,\"dest_ip\":\"169.55.0.224\",\"dest_port\":80,\"proto\":\"TCP\",\"alert\":{\"action\":\"allowed\",\"gid\":1,\"signature_id\":2006380,\"rev\":12,\"signature\":\"ET POLICY Outgoing Basic Auth\",\"category\":\"Potential Corporate Privacy Violation\",\"severity\":1},\"http\":{\"hostname\":\"www.example.com\",\"url\":\"/data/update.txt?v=1\",\"http_user_agent\":\"Mozilla/5.0\",\"http_method\":\"POST\",\"protocol\":\"HTTP/1.1\",\"status\":\"200\",\"length\":4937},\"app_proto\":\"http\",\"flow\":{\"pkts_toserver\":4,\"pkts_toclient\":3,\"bytes_toserver\":744,\"bytes_toclient\":5411}}");
        assertThat(e.fields()).contains(entry("@timestamp", "2017-03-24T20:01:29.933Z"), entry("event.kind", "alert"),
                entry("event.severity", 1L), entry("rule.id", "2006380"), entry("rule.name", "ET POLICY Outgoing Basic Auth"),
                entry("rule.category", "Potential Corporate Privacy Violation"), entry("source.ip", "10.10.8.168"),
                entry("source.port", 1698L), entry("destination.ip", "169.55.0.224"), entry("destination.port", 80L),
                entry("network.transport", "tcp"), entry("network.protocol", "http"), entry("url.domain", "www.example.com"),
                entry("url.path", "/data/update.txt"), entry("http.request.method", "POST"), entry("http.response.status_code", 200L),
                entry("user_agent.original", "Mozilla/5.0"), entry("source.bytes", 744L), entry("network.bytes", 6155L),
                entry("suricata.eve.alert.signature_id", 2006380L), entry("event.dataset", "suricata.eve"),
                entry("event.category", List.of("network", "intrusion_detection", "web")));
    }

    @Test
    void mapsDnsAndTlsRecords() {
        Event dns = parse("{\"timestamp\":\"2024-01-01T00:00:00Z\",\"flow_id\":1,\"event_type\":\"dns\",\"src_ip\":\"10.0.0.2\",\"dest_ip\":\"10.0.0.1\",\"proto\":\"UDP\",\"dns\":{\"type\":\"query\",\"id\":7,\"rrname\":\"evil.example\",\"rrtype\":\"A\"}}");
        assertThat(dns.fields()).contains(entry("event.kind", "event"), entry("dns.question.name", "evil.example"),
                entry("dns.question.type", "A"), entry("dns.type", "query"), entry("network.transport", "udp"));
        Event tls = parse("{\"timestamp\":\"2024-01-01T00:00:00Z\",\"flow_id\":2,\"event_type\":\"tls\",\"src_ip\":\"10.0.0.2\",\"dest_ip\":\"1.1.1.1\",\"tls\":{\"sni\":\"example.org\",\"version\":\"TLS 1.3\",\"ja3\":{\"hash\":\"abc\"}}}");
        assertThat(tls.fields()).contains(entry("tls.client.server_name", "example.org"), entry("tls.version", "1.3"),
                entry("tls.version_protocol", "tls"), entry("tls.client.ja3", "abc"));
    }

    @Test
    void leavesOtherJsonAsItIs() {
        Event e = parse("{\"timestamp\":\"2024-01-01T00:00:00Z\",\"event_type\":\"custom\",\"x\":1}");
        assertThat(e.fields()).containsEntry("x", 1L).doesNotContainKeys("event.kind", "suricata.eve.x");
    }

    @Test
    void theConfiguredSuricataDecoderRejectsOtherJson() {
        DefaultEventParser configured = DefaultEventParser.standard(new ParserConfig(1 << 20, Map.of("ids", "suricata")), Clock.systemUTC());
        Event e = configured.parse(new RawBatch("http", "ids", "", 0, List.of("{\"a\":1}".getBytes())), 0).getFirst().event();
        assertThat(e.hasTag("_parse_failure")).isTrue();
        assertThat(e.text("error.message")).contains("suricata");
    }
}
