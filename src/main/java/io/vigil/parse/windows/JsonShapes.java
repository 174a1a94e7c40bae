package io.vigil.parse.windows;

import io.vigil.event.FrozenFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON renderings of Windows events, already flattened, into a {@link WindowsRecord}:
 * evtx_dump ({@code Event.System.*}, {@code Event.EventData.*}), Winlogbeat ({@code winlog.*}) and the flat
 * NXLog / OTRF / Log Analytics style ({@code Channel}, {@code EventID}, EventData fields at top level).
 */
final class JsonShapes {
    private static final String EVTX = "Event.System.";

    /**
     * Whether a top-level key of the flat style describes the record rather than being EventData. A string
     * switch (cached hash, one comparison) because this runs for every field of every flat event.
     */
    private static boolean isFlatMetadata(String key) {
        return switch (key) {
            case "Message", "EventID", "SourceName", "ProviderName",
                    "Provider", "EventSourceName", "Source", "TimeCreated", "EventTime", "EventReceivedTime",
                    "TimeGenerated", "@timestamp", "@version", "Hostname", "Computer", "host", "port", "Task", "Level",
                    "Keywords", "Channel", "ProviderGuid", "SeverityValue", "Severity", "EventType", "EventTypeOrignal",
                    "Opcode", "OpcodeValue", "RecordNumber", "EventRecordID", "ExecutionProcessID", "ThreadID", "Version",
                    "SourceModuleName", "SourceModuleType", "tags", "AccountType", "AccountName", "Domain", "UserID",
                    "Category", "ActivityID", "RelatedActivityID", "TenantId", "SourceSystem", "Type", "_ResourceId",
                    "EventLevel", "EventLevelName", "EventData", "MG", "ManagementGroupName", "UserName", "EventCategory",
                    "RenderedDescription", "AzureDeploymentID", "Role", "EventOriginId", "TaskDisplayName",
                    "OpcodeDisplayName", "LevelDisplayName", "KeywordsDisplayNames", "Qualifiers", "RecordId", "Id",
                    "ProviderId", "LogName", "MachineName", "ContainerLog", "MatchedQueryIds", "Properties" -> true;
            default -> false;
        };
    }

    private final EmbeddedEventData embedded;

    JsonShapes(EmbeddedEventData embedded) {
        this.embedded = embedded;
    }

    /** The record, or null when the document is not a Windows event in a shape known here. */
    WindowsRecord read(Map<String, Object> flat) {
        if (flat.containsKey(EVTX + "EventID") || flat.containsKey(EVTX + "EventID.#text")) return evtx(flat);
        if (flat.containsKey("winlog.event_id") && flat.containsKey("winlog.channel")) return winlogbeat(flat);
        Object id = flat.get("EventID");
        if (id != null && isEventId(id) && (flat.get("Channel") instanceof String
                || flat.get("SourceName") instanceof String || flat.get("ProviderName") instanceof String)) {
            return flatStyle(flat);
        }
        return null;
    }

    private WindowsRecord evtx(Map<String, Object> f) {
        LinkedHashMap<String, Object> eventData = new LinkedHashMap<>(capacity(f.size()));
        LinkedHashMap<String, Object> userData = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : f.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("Event.EventData.")) putEvtxData(eventData, key.substring(16), e.getValue());
            else if (key.startsWith("Event.UserData.")) putLeaf(userData, key.substring(15), e.getValue());
        }
        return new WindowsRecord(Channels.canonical(text(f, EVTX + "Channel")),
                firstText(f, EVTX + "EventID", EVTX + "EventID.#text"),
                text(f, EVTX + "Provider.#attributes.Name"), text(f, EVTX + "Computer"),
                text(f, EVTX + "EventRecordID"), number(f.get(EVTX + "Execution.#attributes.ProcessID")),
                number(f.get(EVTX + "Execution.#attributes.ThreadID")), text(f, EVTX + "Security.#attributes.UserID"),
                text(f, EVTX + "TimeCreated.#attributes.SystemTime"), FrozenFields.handOver(eventData), FrozenFields.handOver(userData),
                text(f, "Event.RenderingInfo.Message"));
    }

    /** evtx_dump writes unnamed Data as a list under "Data" (or "Data.#text"); Winlogbeat calls them paramN. */
    private static void putEvtxData(Map<String, Object> out, String name, Object value) {
        if (name.contains("#attributes")) return;
        if (name.endsWith(".#text")) name = name.substring(0, name.length() - 6);
        if (name.equals("Data") || name.equals("#text")) {
            List<?> values = value instanceof List<?> l ? l : List.of(value);
            for (int i = 0; i < values.size(); i++) out.put("param" + (i + 1), String.valueOf(values.get(i)));
            return;
        }
        out.put(name, asText(value));
    }

    private static void putLeaf(Map<String, Object> out, String path, Object value) {
        if (path.contains("#attributes")) return;
        if (path.endsWith(".#text")) path = path.substring(0, path.length() - 6);
        out.put(path.substring(path.lastIndexOf('.') + 1), asText(value));
    }

    private WindowsRecord winlogbeat(Map<String, Object> f) {
        LinkedHashMap<String, Object> eventData = new LinkedHashMap<>(capacity(f.size()));
        LinkedHashMap<String, Object> userData = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : f.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(EventDataNames.EVENT_DATA)) {
                eventData.put(key.substring(EventDataNames.EVENT_DATA.length()), asText(e.getValue()));
            } else if (key.startsWith(EventDataNames.USER_DATA)) {
                putLeaf(userData, key.substring(EventDataNames.USER_DATA.length()), e.getValue());
            }
        }
        return new WindowsRecord(Channels.canonical(text(f, "winlog.channel")), text(f, "winlog.event_id"),
                firstText(f, "winlog.provider_name", "event.provider"),
                firstText(f, "winlog.computer_name", "host.name"), text(f, "winlog.record_id"),
                number(f.get("winlog.process.pid")), number(f.get("winlog.process.thread.id")),
                text(f, "winlog.user.identifier"), firstText(f, "@timestamp", "event.created"), FrozenFields.handOver(eventData),
                FrozenFields.handOver(userData),
                text(f, "message"));
    }

    private WindowsRecord flatStyle(Map<String, Object> f) {
        LinkedHashMap<String, Object> eventData = new LinkedHashMap<>(capacity(f.size()));
        for (Map.Entry<String, Object> e : f.entrySet()) {
            if (!isFlatMetadata(e.getKey()) && !e.getKey().startsWith("labels.")) eventData.put(e.getKey(), asText(e.getValue()));
        }
        if (f.get("EventData") instanceof String packed) eventData.putAll(embedded.read(packed));
        String channel = Channels.canonical(text(f, "Channel"));
        String provider = firstText(f, "SourceName", "ProviderName", "Provider", "EventSourceName", "Source");
        // Sysmon's own UtcTime is the event time in UTC; TimeCreated is sometimes skewed by the shipper, and
        // NXLog's EventTime is local time without a zone, so it comes last.
        String time = Channels.SYSMON.equals(channel) && eventData.get("UtcTime") instanceof String utc ? utc
                : firstText(f, "TimeCreated", "TimeGenerated", "@timestamp", "EventTime");
        Object host = f.get("host");
        return new WindowsRecord(channel, String.valueOf(f.get("EventID")), provider,
                firstText(f, "Hostname", "Computer", "MachineName", host instanceof String ? "host" : "host.name"),
                firstText(f, "RecordNumber", "EventRecordID"), number(f.get("ExecutionProcessID")),
                number(f.get("ThreadID")), text(f, "UserID"), time, FrozenFields.handOver(eventData), FrozenFields.EMPTY,
                text(f, "Message"));
    }

    /** A table size that holds {@code fields} entries without rehashing. */
    static int capacity(int fields) {
        return fields * 4 / 3 + 1;
    }

    private static boolean isEventId(Object id) {
        if (id instanceof Long) return true;
        if (!(id instanceof String s) || s.isEmpty() || s.length() > 6) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    static Object asText(Object value) {
        if (value instanceof List<?> list) return list.stream().map(String::valueOf).toList();
        return String.valueOf(value);
    }

    private static String text(Map<String, Object> f, String key) {
        Object v = f.get(key);
        if (v instanceof List<?> list) v = list.isEmpty() ? null : list.getFirst();
        return v == null ? null : v.toString();
    }

    private static String firstText(Map<String, Object> f, String... keys) {
        for (String k : keys) {
            String v = text(f, k);
            if (v != null) return v;
        }
        return null;
    }

    static Long number(Object v) {
        if (v instanceof Long l) return l;
        if (v instanceof String s) {
            try {
                return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
