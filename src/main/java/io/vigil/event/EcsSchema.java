package io.vigil.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The types of the ECS fields Vigil knows, and which of them are aggregatable or also full-text searchable.
 *
 * <p>Lookup order for a dotted name: exact entry, then the longest matching family prefix (e.g.
 * {@code winlog.event_data.}), then a few suffix rules for the address-like groups ({@code source.*},
 * {@code destination.*}, {@code client.*}, {@code server.*}: {@code .ip} is an IP, {@code .port},
 * {@code .bytes}, {@code .packets} are longs). A name ending in {@code .text} is TEXT (ECS multi-fields).
 * Anything else is {@link EcsType#KEYWORD}, as in ECS's dynamic templates.
 *
 * <p>The table is fixed at compile time, so every index built from it has one consistent type per field name.
 * Immutable and thread-safe.
 */
public final class EcsSchema {

    /** Keyword values longer than this are not indexed as exact terms (ES's {@code ignore_above}). */
    public static final int MAX_KEYWORD_LENGTH = 1024;

    private static final Map<String, EcsType> EXACT = new HashMap<>();
    private static final Map<String, EcsType> FAMILIES = new HashMap<>();
    private static final List<String> ADDRESS_GROUPS = List.of("source.", "destination.", "client.", "server.");

    /** Fields with doc values: cheap terms/cardinality aggregations and sorting. */
    private static final Set<String> AGGREGATABLE = Set.of(
            "host.name", "host.hostname", "user.name", "user.domain", "source.ip", "destination.ip",
            "source.port", "destination.port", "event.code", "event.category", "event.type", "event.action",
            "event.outcome", "event.dataset", "event.module", "event.provider", "event.kind", "event.severity",
            "process.name", "process.executable", "process.parent.name", "winlog.channel", "winlog.event_id",
            "winlog.provider_name", "winlog.computer_name", "log.level", "http.request.method",
            "http.response.status_code", "url.path", "url.domain", "tags", "vigil.index", "observer.name",
            "service.name", "rule.name", "dns.question.name", "network.protocol", "network.transport",
            "file.extension", "user_agent.original", "source.bytes", "destination.bytes", "event.duration",
            "http.response.body.bytes", "log.source.address");

    /** Keyword fields that are also searchable word by word, under {@code <field>.text} (ECS multi-fields). */
    private static final Set<String> ALSO_TEXT = Set.of(
            "process.command_line", "process.parent.command_line", "process.executable", "file.path",
            "user_agent.original", "url.original", "url.full", "registry.path", "winlog.event_data.CommandLine",
            "winlog.event_data.ParentCommandLine", "winlog.event_data.ScriptBlockText");

    static {
        type(EcsType.DATE, "@timestamp", "event.ingested", "event.created", "event.start", "event.end",
                "process.start", "file.created", "file.mtime", "file.ctime", "file.accessed");
        type(EcsType.TEXT, "message", "error.message", "event.original", "error.stack_trace");
        type(EcsType.LONG, "event.severity", "event.duration", "event.sequence", "event.risk_score_norm",
                "process.pid", "process.parent.pid", "process.thread.id", "process.exit_code", "file.size",
                "http.response.status_code", "http.response.body.bytes", "http.request.body.bytes",
                "http.response.bytes", "http.request.bytes", "network.bytes", "network.packets",
                "winlog.record_id", "winlog.process.pid", "winlog.process.thread.id", "log.syslog.priority",
                "log.syslog.facility.code", "log.syslog.severity.code", "dns.answers.ttl", "url.port",
                "observer.ingress.vlan.id", "rule.id.number");
        type(EcsType.DOUBLE, "event.risk_score", "host.cpu.usage", "source.geo.location.lat",
                "source.geo.location.lon", "destination.geo.location.lat", "destination.geo.location.lon");
        type(EcsType.IP, "host.ip", "observer.ip", "related.ip", "log.source.ip", "dns.resolved_ip");
        type(EcsType.BOOLEAN, "winlog.event_data.Elevated");
        // Explicitly keyword although they look numeric: Windows ids are codes, not quantities.
        type(EcsType.KEYWORD, "event.code", "winlog.event_id", "winlog.channel", "winlog.provider_name",
                "winlog.computer_name", "log.level", "log.source.address", "user.id", "user.email", "user.domain",
                "user.name", "host.name", "host.hostname", "http.request.method", "url.path", "tags",
                "user_agent.original", "process.command_line", "process.name", "process.executable", "file.path");
        FAMILIES.put("labels.", EcsType.KEYWORD);
        FAMILIES.put("winlog.event_data.", EcsType.KEYWORD);
        FAMILIES.put("host.os.", EcsType.KEYWORD);
        FAMILIES.put("file.hash.", EcsType.KEYWORD);
        FAMILIES.put("registry.", EcsType.KEYWORD);
        FAMILIES.put("email.", EcsType.KEYWORD);
        FAMILIES.put("dns.", EcsType.KEYWORD);
        FAMILIES.put("rule.", EcsType.KEYWORD);
        FAMILIES.put("service.", EcsType.KEYWORD);
        FAMILIES.put("observer.", EcsType.KEYWORD);
        FAMILIES.put("network.", EcsType.KEYWORD);
    }

    private EcsSchema() {}

    private static void type(EcsType type, String... names) {
        for (String name : names) EXACT.put(name, type);
    }

    /** Resolved types of names seen so far (bounded: unknown names are rarely more than a few thousand). */
    private static final java.util.concurrent.ConcurrentHashMap<String, EcsType> RESOLVED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_RESOLVED = 100_000;

    /** The type of a dotted field name; {@link EcsType#KEYWORD} for anything unknown. */
    public static EcsType typeOf(String field) {
        EcsType cached = RESOLVED.get(field);
        if (cached != null) return cached;
        EcsType type = resolve(field);
        if (RESOLVED.size() < MAX_RESOLVED) RESOLVED.put(field, type);
        return type;
    }

    private static EcsType resolve(String field) {
        EcsType exact = EXACT.get(field);
        if (exact != null) return exact;
        // ECS's multi-field convention: "<field>.text" is the analyzed form, whoever sends it.
        if (field.endsWith(".text")) return EcsType.TEXT;
        for (String group : ADDRESS_GROUPS) {
            if (field.startsWith(group)) {
                String rest = field.substring(group.length());
                if (rest.equals("ip") || rest.equals("nat.ip")) return EcsType.IP;
                if (rest.equals("port") || rest.equals("nat.port") || rest.equals("bytes") || rest.equals("packets")) {
                    return EcsType.LONG;
                }
            }
        }
        String family = longestFamily(field);
        return family == null ? EcsType.KEYWORD : FAMILIES.get(family);
    }

    private static String longestFamily(String field) {
        String best = null;
        for (String prefix : FAMILIES.keySet()) {
            if (field.startsWith(prefix) && (best == null || prefix.length() > best.length())) best = prefix;
        }
        return best;
    }

    /** True when the field keeps per-document values for terms/cardinality/stats aggregations and sorting. */
    public static boolean isAggregatable(String field) {
        return AGGREGATABLE.contains(field) || field.equals(EcsFields.TIMESTAMP);
    }

    /** True for keyword fields that are also analyzed word by word under {@link #textFieldOf(String)}. */
    public static boolean isAlsoText(String field) {
        return ALSO_TEXT.contains(field);
    }

    /** The name of the analyzed companion of a keyword field ({@code process.command_line.text}). */
    public static String textFieldOf(String field) {
        return field + ".text";
    }

    /** True when {@code field} names a family ({@code labels.*}) or field the schema lists explicitly. */
    public static boolean isKnown(String field) {
        return EXACT.containsKey(field) || longestFamily(field) != null;
    }
}
