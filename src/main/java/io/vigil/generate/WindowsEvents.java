package io.vigil.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Builds Windows events in the flat NXLog/OTRF JSON shape (Channel, EventID, Hostname, EventData fields at
 * top level), the shape Vigil's parser and the demo's templates share. Every event is marked as generated:
 * {@code labels.synthetic: true}, {@code labels.scenario}, {@code labels.phase} and {@code tags: [synthetic]}.
 * Stateless and thread-safe.
 */
final class WindowsEvents {
    static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String scenario;

    WindowsEvents(String scenario) {
        this.scenario = scenario;
    }

    /** An event of {@code channel}/{@code eventId} on {@code host} at {@code time}, with EventData name/value pairs. */
    String event(String phase, String channel, String provider, int eventId, String host, long time, String... data) {
        ObjectNode e = JSON.createObjectNode();
        e.put("Channel", channel);
        e.put("EventID", eventId);
        e.put("Hostname", host);
        e.put("SourceName", provider);
        e.put("TimeCreated", Instant.ofEpochMilli(time).toString());
        if (SYSMON.equals(channel)) e.put("UtcTime", UTC_TIME.format(Instant.ofEpochMilli(time)));
        for (int i = 0; i + 1 < data.length; i += 2) e.put(data[i], data[i + 1]);
        ObjectNode labels = e.putObject("labels");
        labels.put("synthetic", true);
        labels.put("scenario", scenario);
        labels.put("phase", phase);
        e.putArray("tags").add("synthetic");
        return e.toString();
    }

    /** Sysmon 1: {@code parent} started {@code image} with {@code commandLine} as {@code user} (DOMAIN\name). */
    String process(String phase, String host, long time, String user, String parent, String image, String commandLine) {
        return event(phase, SYSMON, "Microsoft-Windows-Sysmon", 1, host, time, "Image", image, "CommandLine", commandLine,
                "ParentImage", parent, "User", user, "IntegrityLevel", "High");
    }

    /** Sysmon 11 (create) or 23 (delete) of {@code path} by {@code image}. */
    String file(String phase, String host, long time, String user, String image, String path, boolean create) {
        return event(phase, SYSMON, "Microsoft-Windows-Sysmon", create ? 11 : 23, host, time, "Image", image,
                "TargetFilename", path, "User", user);
    }

    /** A Security-log event. */
    String security(String phase, int eventId, String host, long time, String... data) {
        return event(phase, "Security", "Microsoft-Windows-Security-Auditing", eventId, host, time, data);
    }

    /** A System-log event from the Service Control Manager. */
    String system(String phase, int eventId, String host, long time, String... data) {
        return event(phase, "System", "Service Control Manager", eventId, host, time, data);
    }
}
