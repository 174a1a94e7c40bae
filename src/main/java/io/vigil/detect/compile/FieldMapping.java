package io.vigil.detect.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one table that says where a Sigma field name is found in a normalized event, per {@link Dialect}.
 * Keys are tried in order; the first present one supplies the value.
 *
 * <p>Windows: {@code winlog.event_data.<Field>} first, then the system fields Winlogbeat lifts to
 * {@code winlog.*} and their ECS copies, then {@code winlog.user_data.<Field>}. Security 4688/4657 events
 * evaluated by process/registry rules rename Image, ParentImage, Details and LogonId as pySigma's
 * windows-audit pipeline does. Other products: the raw name, then ECS.
 */
public final class FieldMapping {

    private static final Map<String, List<String>> WINDOWS_SYSTEM = Map.ofEntries(
            Map.entry("EventID", List.of("winlog.event_id", "event.code")),
            Map.entry("Channel", List.of("winlog.channel")),
            Map.entry("Provider_Name", List.of("winlog.provider_name")),
            Map.entry("Computer", List.of("winlog.computer_name", "host.name")),
            Map.entry("EventRecordID", List.of("winlog.record_id")),
            Map.entry("Keywords", List.of("winlog.keywords")),
            Map.entry("Level", List.of("winlog.level", "log.level")),
            Map.entry("Task", List.of("winlog.task")),
            Map.entry("Opcode", List.of("winlog.opcode")),
            Map.entry("Version", List.of("winlog.version")));

    private static final Map<String, String> SECURITY_AUDIT_RENAMES = Map.of(
            "Image", "NewProcessName",
            "ParentImage", "ParentProcessName",
            "Details", "NewValue",
            "LogonId", "SubjectLogonId");

    private static final Map<String, List<String>> ECS = Map.ofEntries(
            Map.entry("CommandLine", List.of("process.command_line")),
            Map.entry("Image", List.of("process.executable")),
            Map.entry("ParentImage", List.of("process.parent.executable")),
            Map.entry("ParentCommandLine", List.of("process.parent.command_line")),
            Map.entry("User", List.of("user.name")),
            Map.entry("TargetFilename", List.of("file.path")),
            Map.entry("DestinationIp", List.of("destination.ip")),
            Map.entry("DestinationPort", List.of("destination.port")),
            Map.entry("SourceIp", List.of("source.ip")),
            Map.entry("SourcePort", List.of("source.port")),
            Map.entry("QueryName", List.of("dns.question.name")),
            Map.entry("query", List.of("dns.question.name")),
            Map.entry("c-uri", List.of("url.original")),
            Map.entry("c-uri-query", List.of("url.query")),
            Map.entry("cs-uri-query", List.of("url.query")),
            Map.entry("cs-uri-stem", List.of("url.path")),
            Map.entry("cs-method", List.of("http.request.method")),
            Map.entry("cs-host", List.of("url.domain")),
            Map.entry("cs-referrer", List.of("http.request.referrer")),
            Map.entry("c-useragent", List.of("user_agent.original")),
            Map.entry("cs-user-agent", List.of("user_agent.original")),
            Map.entry("sc-status", List.of("http.response.status_code")),
            Map.entry("c-ip", List.of("source.ip")),
            Map.entry("eventName", List.of("event.action", "aws.cloudtrail.event_name")),
            Map.entry("eventSource", List.of("event.provider")),
            Map.entry("EventID", List.of("event.code")));

    /** Event keys to try, in order, for Sigma field {@code field} in events of {@code dialect}. */
    public List<String> keysFor(String field, Dialect dialect) {
        List<String> keys = new ArrayList<>(4);
        switch (dialect) {
            case WINDOWS, WINDOWS_SECURITY_AUDIT -> {
                String name = dialect == Dialect.WINDOWS_SECURITY_AUDIT
                        ? SECURITY_AUDIT_RENAMES.getOrDefault(field, field) : field;
                keys.add("winlog.event_data." + name);
                keys.addAll(WINDOWS_SYSTEM.getOrDefault(field, List.of()));
                keys.add("winlog.user_data." + name);
                keys.add(field);
            }
            case OTHER -> {
                keys.add(field);
                keys.addAll(ECS.getOrDefault(field, List.of()));
            }
        }
        return keys;
    }
}
