package io.vigil.detect.compile;

import io.vigil.detect.rule.LogSource;
import io.vigil.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which events a rule's logsource can concern, as route keys shared by rules and events, following
 * pySigma's windows, sysmon and windows-audit pipelines:
 * <ul>
 *   <li>{@code win|<channel>|<event id>} for a Windows category (process_creation = Sysmon 1 or Security 4688);</li>
 *   <li>{@code win|<channel>|*} for a Windows service (security = Security channel);</li>
 *   <li>{@code win|*|*} for any other Windows rule; non-Windows rules and events as {@link NonWindowsRoutes} says.</li>
 * </ul>
 * A rule without product goes to both. Channels compare lower-cased (some shippers lower-case them).
 */
public final class LogSourceRouting {

    static final String SYSMON = "microsoft-windows-sysmon/operational";
    static final String ALL_WINDOWS = "win|*|*";
    /** The route of an event whose source is not recognized: every non-Windows route applies. */
    public static final String UNKNOWN = NonWindowsRoutes.UNKNOWN;

    private static final Map<String, List<Integer>> SYSMON_EVENTS = Map.ofEntries(
            Map.entry("process_creation", List.of(1)), Map.entry("file_change", List.of(2)),
            Map.entry("network_connection", List.of(3)), Map.entry("sysmon_status", List.of(4, 16)),
            Map.entry("process_termination", List.of(5)), Map.entry("driver_load", List.of(6)),
            Map.entry("image_load", List.of(7)), Map.entry("create_remote_thread", List.of(8)),
            Map.entry("raw_access_thread", List.of(9)), Map.entry("process_access", List.of(10)),
            Map.entry("file_event", List.of(11)), Map.entry("registry_add", List.of(12)),
            Map.entry("registry_delete", List.of(12)), Map.entry("registry_set", List.of(13)),
            Map.entry("registry_rename", List.of(14)), Map.entry("registry_event", List.of(12, 13, 14)),
            Map.entry("create_stream_hash", List.of(15)), Map.entry("pipe_created", List.of(17, 18)),
            Map.entry("wmi_event", List.of(19, 20, 21)), Map.entry("dns_query", List.of(22)),
            Map.entry("file_delete", List.of(23)), Map.entry("clipboard_capture", List.of(24)),
            Map.entry("process_tampering", List.of(25)), Map.entry("file_delete_detected", List.of(26)),
            Map.entry("file_block_executable", List.of(27)), Map.entry("file_block_shredding", List.of(28)),
            Map.entry("file_executable_detected", List.of(29)), Map.entry("sysmon_error", List.of(255)));

    /** Security-log equivalents (windows-audit pipeline); these events use {@link Dialect#WINDOWS_SECURITY_AUDIT}. */
    private static final Map<String, Integer> SECURITY_EVENTS = Map.of(
            "process_creation", 4688, "registry_event", 4657, "registry_set", 4657, "registry_add", 4657);

    /** PowerShell categories: service and event id (windows pipeline). */
    private static final Map<String, Map.Entry<String, Integer>> POWERSHELL = Map.of(
            "ps_module", Map.entry("powershell", 4103), "ps_script", Map.entry("powershell", 4104),
            "ps_classic_start", Map.entry("powershell-classic", 400),
            "ps_classic_provider_start", Map.entry("powershell-classic", 600),
            "ps_classic_script", Map.entry("powershell-classic", 800));

    /** Route keys a rule with this logsource is filed under. */
    public List<String> routesOf(LogSource ls) {
        List<String> keys = new ArrayList<>();
        if (ls.product() == null || !ls.product().equals("windows")) {
            keys.addAll(NonWindowsRoutes.of(ls));
            if (ls.product() != null) return keys;
        }
        String category = ls.category();
        if (category != null && SYSMON_EVENTS.containsKey(category)) {
            for (int id : SYSMON_EVENTS.get(category)) keys.add("win|" + SYSMON + "|" + id);
            Integer security = SECURITY_EVENTS.get(category);
            if (security != null) keys.add("win|security|" + security);
        } else if (category != null && POWERSHELL.containsKey(category)) {
            var ps = POWERSHELL.get(category);
            for (String ch : WindowsChannels.of(ps.getKey())) keys.add("win|" + ch + "|" + ps.getValue());
        } else if (ls.service() != null && !WindowsChannels.of(ls.service()).isEmpty()) {
            for (String ch : WindowsChannels.of(ls.service())) keys.add("win|" + ch + "|*");
        } else {
            keys.add(ALL_WINDOWS);
        }
        return keys;
    }

    /** Route keys of an event, most specific first. */
    public List<String> routesOf(Event event) {
        String channel = event.text("winlog.channel");
        if (channel == null) return NonWindowsRoutes.of(event);
        String ch = channel.toLowerCase(Locale.ROOT);
        String id = event.text("winlog.event_id");
        if (id == null) id = event.text("event.code");
        return id == null ? List.of("win|" + ch + "|*", ALL_WINDOWS)
                : List.of("win|" + ch + "|" + id, "win|" + ch + "|*", ALL_WINDOWS);
    }

    /**
     * What {@link #routesOf(Event)} and {@link #dialectOf} read from an event, as a value: two events with equal
     * sources get the same routes and dialect, so a caller may cache by it.
     */
    public Object sourceOf(Event event) {
        String channel = event.text("winlog.channel");
        if (channel == null) return NonWindowsRoutes.sourceOf(event);
        String id = event.text("winlog.event_id");
        return new WindowsSource(channel, id, id == null ? event.text("event.code") : null);
    }

    /** A Windows event's source as routing and the field dialect read it. */
    private record WindowsSource(String channel, String eventId, String code) {}

    /** The field dialect of an event. */
    public Dialect dialectOf(Event event) {
        String channel = event.text("winlog.channel");
        if (channel == null) return Dialect.OTHER;
        if (channel.equalsIgnoreCase("security")) {
            String id = event.text("winlog.event_id");
            if ("4688".equals(id) || "4657".equals(id)) return Dialect.WINDOWS_SECURITY_AUDIT;
        }
        return Dialect.WINDOWS;
    }
}
