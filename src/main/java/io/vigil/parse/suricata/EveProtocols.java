package io.vigil.parse.suricata;

import java.util.Locale;
import java.util.Map;

/** The {@code dns.*}, {@code tls.*} and {@code flow.*} sections of EVE records mapped to ECS. */
final class EveProtocols {
    private EveProtocols() {}

    static void putDns(Map<String, Object> out, Map<String, Object> flat) {
        SuricataEveNormalizer.copy(flat, "dns.rrname", out, "dns.question.name");
        SuricataEveNormalizer.copy(flat, "dns.rrtype", out, "dns.question.type");
        SuricataEveNormalizer.copy(flat, "dns.rcode", out, "dns.response_code");
        SuricataEveNormalizer.copy(flat, "dns.id", out, "dns.id");
        if (flat.get("dns.type") instanceof String t) out.put("dns.type", t.toLowerCase(Locale.ROOT));
        // EVE version 2 puts the query under dns.queries[] in alerts
        if (!out.containsKey("dns.question.name") && flat.get("dns.queries.rrname") instanceof java.util.List<?> names
                && !names.isEmpty()) {
            out.put("dns.question.name", String.valueOf(names.getFirst()));
        }
    }

    static void putTls(Map<String, Object> out, Map<String, Object> flat) {
        SuricataEveNormalizer.copy(flat, "tls.sni", out, "tls.client.server_name");
        SuricataEveNormalizer.copy(flat, "tls.subject", out, "tls.server.subject");
        SuricataEveNormalizer.copy(flat, "tls.issuerdn", out, "tls.server.issuer");
        SuricataEveNormalizer.copy(flat, "tls.ja3.hash", out, "tls.client.ja3");
        SuricataEveNormalizer.copy(flat, "tls.ja3s.hash", out, "tls.server.ja3s");
        if (flat.get("tls.version") instanceof String v) {
            int space = v.indexOf(' ');
            if (space > 0) {
                out.put("tls.version_protocol", v.substring(0, space).toLowerCase(Locale.ROOT));
                out.put("tls.version", v.substring(space + 1));
            } else {
                out.put("tls.version", v);
            }
        }
        if (flat.get("tls.fingerprint") instanceof String fp) out.put("tls.server.hash.sha1", fp.replace(":", "").toUpperCase(Locale.ROOT));
    }

    static void putFlow(Map<String, Object> out, Map<String, Object> flat) {
        SuricataEveNormalizer.copyLong(flat, "flow.pkts_toserver", out, "source.packets");
        SuricataEveNormalizer.copyLong(flat, "flow.pkts_toclient", out, "destination.packets");
        SuricataEveNormalizer.copyLong(flat, "flow.bytes_toserver", out, "source.bytes");
        SuricataEveNormalizer.copyLong(flat, "flow.bytes_toclient", out, "destination.bytes");
        SuricataEveNormalizer.copy(flat, "flow.start", out, "event.start");
        SuricataEveNormalizer.copy(flat, "flow.end", out, "event.end");
        if (out.get("source.bytes") instanceof Long a && out.get("destination.bytes") instanceof Long b) {
            out.put("network.bytes", a + b);
        }
        if (out.get("source.packets") instanceof Long a && out.get("destination.packets") instanceof Long b) {
            out.put("network.packets", a + b);
        }
    }
}
