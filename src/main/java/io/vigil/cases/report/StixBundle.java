package io.vigil.cases.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.cases.Incident;
import io.vigil.cases.IncidentDetail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An incident as a STIX 2.1 bundle: the reporting organisation (identity), the incident, indicators with
 * STIX patterns for the evidence, observed-data over the SCOs, attack-patterns for ATT&CK tags, and
 * relationships (indicator indicates attack-pattern; incident related-to the rest). Only properties the
 * schemas define are used. Ids are UUIDv5 of stable inputs, so exporting the same incident twice gives
 * the same bundle.
 */
final class StixBundle {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ArrayNode objects = JSON.createArrayNode();
    private final String created;
    private final String modified;
    private final String identityId;

    private StixBundle(Incident incident, Organisation org) {
        this.created = StixIds.time(incident.createdAt());
        this.modified = StixIds.time(incident.updatedAt().isBefore(incident.createdAt()) ? incident.createdAt() : incident.updatedAt());
        this.identityId = StixIds.sdo("identity", org.name());
    }

    static ObjectNode of(IncidentDetail detail, Evidence evidence, Organisation org, AttackCatalog attack) {
        Incident i = detail.incident();
        StixBundle b = new StixBundle(i, org);
        ObjectNode identity = b.sdo("identity", org.name()).put("name", org.name()).put("identity_class", "organization");
        String contact = String.join("; ", List.of(org.contactName(), org.contactEmail(), org.contactPhone()).stream()
                .filter(s -> !s.isBlank()).toList());
        if (!contact.isEmpty()) identity.put("contact_information", contact);
        ObjectNode incident = b.sdo("incident", i.id()).put("name", i.title()).put("description", describe(i));
        incident.put("created_by_ref", b.identityId);
        incident.putArray("labels").add("severity:" + i.severity().wire()).add("status:" + i.status().wire());
        incident.putArray("external_references").addObject().put("source_name", "vigil").put("external_id", i.id());
        List<String> related = new ArrayList<>();
        List<String> patterns = b.attackPatterns(i, attack, related);
        List<String> scoIds = b.observables(evidence);
        List<String> indicators = b.indicators(i, evidence, related);
        if (!scoIds.isEmpty()) {
            ObjectNode observed = b.sdo("observed-data", i.id()).put("first_observed", StixIds.time(i.firstEventTime()))
                    .put("last_observed", StixIds.time(i.lastEventTime())).put("number_observed", Math.max(1, detail.alerts().size()));
            scoIds.forEach(observed.putArray("object_refs")::add);
            related.add(observed.get("id").asText());
        }
        for (String ind : indicators) for (String ap : patterns) b.relationship(ind, "indicates", ap);
        for (String target : related) b.relationship(incident.get("id").asText(), "related-to", target);
        ObjectNode bundle = JSON.createObjectNode().put("type", "bundle").put("id", StixIds.sdo("bundle", i.id() + "\0" + b.modified));
        bundle.set("objects", b.objects);
        return bundle;
    }

    private ObjectNode sdo(String type, String key) {
        ObjectNode n = objects.addObject().put("type", type).put("spec_version", "2.1").put("id", StixIds.sdo(type, key))
                .put("created", created).put("modified", modified);
        if (!type.equals("identity")) n.put("created_by_ref", identityId);
        return n;
    }

    private List<String> attackPatterns(Incident i, AttackCatalog attack, List<String> related) {
        List<String> ids = new ArrayList<>();
        i.tags().stream().map(AttackCatalog::techniqueOf).flatMap(java.util.Optional::stream).distinct().forEach(t -> {
            ObjectNode ap = sdo("attack-pattern", t).put("name", attack.name(t));
            ap.putArray("external_references").addObject().put("source_name", "mitre-attack").put("external_id", t)
                    .put("url", "https://attack.mitre.org/techniques/" + t.replace('.', '/') + "/");
            ids.add(ap.get("id").asText());
            related.add(ap.get("id").asText());
        });
        return ids;
    }

    private List<String> indicators(Incident i, Evidence e, List<String> related) {
        List<String> ids = new ArrayList<>();
        e.ipv4().forEach(ip -> ids.add(indicator(i, "IPv4 address " + ip, "[ipv4-addr:value = '" + quote(ip) + "']")));
        e.domains().forEach(d -> ids.add(indicator(i, "Domain " + d, "[domain-name:value = '" + quote(d) + "']")));
        for (Evidence.FileSeen f : e.files().values()) {
            for (Map.Entry<String, String> h : f.hashes().entrySet()) {
                ids.add(indicator(i, "File hash " + h.getValue(), "[file:hashes.'" + h.getKey() + "' = '" + h.getValue() + "']"));
            }
            if (f.name() != null) ids.add(indicator(i, "File name " + f.name(), "[file:name = '" + quote(f.name()) + "']"));
        }
        related.addAll(ids);
        return ids;
    }

    private String indicator(Incident i, String name, String pattern) {
        ObjectNode n = sdo("indicator", pattern).put("name", name).put("pattern", pattern).put("pattern_type", "stix")
                .put("valid_from", StixIds.time(i.firstEventTime()));
        n.putArray("indicator_types").add("malicious-activity");
        return n.get("id").asText();
    }

    private List<String> observables(Evidence e) {
        List<String> ids = new ArrayList<>();
        e.ipv4().forEach(ip -> ids.add(sco("ipv4-addr", JSON.createObjectNode().put("value", ip))));
        e.domains().forEach(d -> ids.add(sco("domain-name", JSON.createObjectNode().put("value", d))));
        for (Evidence.FileSeen f : e.files().values()) {
            ObjectNode file = JSON.createObjectNode();
            if (!f.hashes().isEmpty()) f.hashes().forEach(file.putObject("hashes")::put);
            if (f.name() != null) file.put("name", f.name());
            ids.add(sco("file", file));
        }
        e.processes().forEach(p -> ids.add(sco("process", JSON.createObjectNode().put("command_line", p))));
        e.accounts().forEach(a -> ids.add(sco("user-account", JSON.createObjectNode().put("account_login", a))));
        return ids;
    }

    private String sco(String type, ObjectNode contributing) {
        ObjectNode n = objects.addObject().put("type", type).put("spec_version", "2.1")
                .put("id", StixIds.sco(type, contributing.toString()));
        n.setAll(contributing);
        return n.get("id").asText();
    }

    private void relationship(String source, String type, String target) {
        sdo("relationship", source + "\0" + type + "\0" + target).put("relationship_type", type)
                .put("source_ref", source).put("target_ref", target);
    }

    private static String describe(Incident i) {
        return i.severity().wire() + " incident, " + i.status().wire() + "; hosts " + i.hosts() + "; accounts " + i.users();
    }

    /** STIX pattern string literal escaping: backslash and single quote. */
    static String quote(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }
}
