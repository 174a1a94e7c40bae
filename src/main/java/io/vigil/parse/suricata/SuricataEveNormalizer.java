package io.vigil.parse.suricata;

import io.vigil.parse.access.HttpFields;
import io.vigil.parse.json.JsonNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Suricata EVE JSON ({@code event_type} alert, dns, http, tls, flow, fileinfo, ssh, smtp...) to ECS. Every
 * EVE field is kept under {@code suricata.eve.*}; on top come {@code source.*}/{@code destination.*},
 * {@code network.*}, and per event type {@code rule.*} and {@code event.severity} (alerts), {@code url.*}
 * and {@code http.*}, {@code dns.*}, {@code tls.*}. Alerts are {@code event.kind: alert}; the rest
 * {@code event}. A document is EVE when it has {@code event_type} and {@code timestamp} and either
 * {@code src_ip} or {@code flow_id}. Stateless and thread-safe.
 */
public final class SuricataEveNormalizer implements JsonNormalizer {

    @Override
    public Map<String, Object> normalize(Map<String, Object> flat) {
        if (!(flat.get("event_type") instanceof String type) || !flat.containsKey("timestamp")
                || !(flat.containsKey("src_ip") || flat.containsKey("flow_id"))) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@timestamp", flat.get("timestamp"));
        out.put("event.module", "suricata");
        out.put("event.dataset", "suricata.eve");
        out.put("event.kind", "alert".equals(type) ? "alert" : "event");
        out.put("event.type", list("alert".equals(type) ? "info" : "protocol"));
        out.put("event.category", list("network"));
        putNetwork(out, flat);
        switch (type) {
            case "alert" -> EveAlert.put(out, flat);
            case "flow", "netflow" -> out.put("event.type", list("connection"));
            default -> { }
        }
        putHttp(out, flat);
        EveProtocols.putDns(out, flat);
        EveProtocols.putTls(out, flat);
        EveProtocols.putFlow(out, flat);
        flat.forEach((k, v) -> out.put("suricata.eve." + k, v));
        return out;
    }

    private static void putNetwork(Map<String, Object> out, Map<String, Object> flat) {
        copy(flat, "src_ip", out, "source.ip");
        copyLong(flat, "src_port", out, "source.port");
        copy(flat, "dest_ip", out, "destination.ip");
        copyLong(flat, "dest_port", out, "destination.port");
        if (flat.get("proto") instanceof String proto) out.put("network.transport", proto.toLowerCase(Locale.ROOT));
        if (flat.get("app_proto") instanceof String app && !"failed".equals(app)) out.put("network.protocol", app);
        copy(flat, "in_iface", out, "observer.ingress.interface.name");
        if (flat.get("community_id") instanceof String id) out.put("network.community_id", id);
    }

    private static void putHttp(Map<String, Object> out, Map<String, Object> flat) {
        if (!(flat.get("http.url") instanceof String) && !(flat.get("http.hostname") instanceof String)) return;
        ((List<Object>) castList(out.get("event.category"))).add("web");
        if (flat.get("http.url") instanceof String url) HttpFields.putUrl(out, url);
        copy(flat, "http.hostname", out, "url.domain");
        copy(flat, "http.http_method", out, "http.request.method");
        copyLong(flat, "http.status", out, "http.response.status_code");
        copyLong(flat, "http.length", out, "http.response.body.bytes");
        copy(flat, "http.http_user_agent", out, "user_agent.original");
        copy(flat, "http.http_refer", out, "http.request.referrer");
        if (flat.get("http.protocol") instanceof String p) out.put("http.version", p.startsWith("HTTP/") ? p.substring(5) : p);
        copy(flat, "http.http_content_type", out, "http.response.mime_type");
    }

    static void copy(Map<String, Object> from, String key, Map<String, Object> to, String field) {
        Object v = from.get(key);
        if (v instanceof String s && !s.isEmpty()) to.put(field, s);
        else if (v instanceof Long || v instanceof Double || v instanceof Boolean) to.put(field, v.toString());
    }

    /** Numbers arrive as JSON numbers or (status in some versions) as digit strings; both become Long. */
    static void copyLong(Map<String, Object> from, String key, Map<String, Object> to, String field) {
        Object v = from.get(key);
        if (v instanceof Long l) to.put(field, l);
        else if (v instanceof String s && !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit)) {
            to.put(field, Long.parseLong(s));
        }
    }

    static List<Object> list(String... values) {
        return new ArrayList<>(List.of(values));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object o) {
        return (List<Object>) o;
    }
}
