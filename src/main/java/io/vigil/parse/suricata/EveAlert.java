package io.vigil.parse.suricata;

import java.util.List;
import java.util.Map;

/** {@code alert.*} of an EVE alert: the signature as {@code rule.*}, severity, action. */
final class EveAlert {
    private EveAlert() {}

    static void put(Map<String, Object> out, Map<String, Object> flat) {
        out.put("event.category", SuricataEveNormalizer.list("network", "intrusion_detection"));
        SuricataEveNormalizer.copy(flat, "alert.signature_id", out, "rule.id");
        SuricataEveNormalizer.copy(flat, "alert.signature", out, "rule.name");
        SuricataEveNormalizer.copy(flat, "alert.category", out, "rule.category");
        SuricataEveNormalizer.copy(flat, "alert.rev", out, "rule.version");
        SuricataEveNormalizer.copyLong(flat, "alert.severity", out, "event.severity");
        if (flat.get("alert.action") instanceof String action) {
            out.put("event.action", action);
            out.put("event.type", SuricataEveNormalizer.list("allowed".equals(action) ? "allowed" : "denied"));
        }
        if (flat.get("alert.metadata.mitre_technique_id") instanceof List<?> ids && !ids.isEmpty()) {
            out.put("threat.technique.id", List.copyOf(ids));
        }
    }
}
