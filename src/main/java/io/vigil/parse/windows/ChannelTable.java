package io.vigil.parse.windows;

import java.util.Map;

/**
 * The ECS mapping of one channel: its event.module and a rule per event id. Event ids without a rule still
 * get the common winlog/ECS fields, only no categorization.
 */
record ChannelTable(String module, Map<String, EventRule> rules) {
    ChannelTable {
        rules = Map.copyOf(rules);
    }

    static final ChannelTable UNKNOWN = new ChannelTable("windows", Map.of());

    /** The table for a canonical channel name. */
    static ChannelTable forChannel(String channel) {
        if (channel == null) return UNKNOWN;
        return switch (channel) {
            case Channels.SYSMON -> SysmonTable.TABLE;
            case Channels.SECURITY -> SecurityTable.TABLE;
            case Channels.SYSTEM -> SystemTable.TABLE;
            case Channels.POWERSHELL_OPERATIONAL, Channels.WINDOWS_POWERSHELL -> PowerShellTable.TABLE;
            default -> UNKNOWN;
        };
    }
}
