package io.vigil.parse.windows;

import static io.vigil.parse.windows.Conversion.BASENAME;
import static io.vigil.parse.windows.Conversion.DIRNAME;
import static io.vigil.parse.windows.Conversion.DOMAIN_USER;
import static io.vigil.parse.windows.Conversion.EXTENSION;
import static io.vigil.parse.windows.Conversion.HASHES;
import static io.vigil.parse.windows.Conversion.IP;
import static io.vigil.parse.windows.Conversion.NUMBER;
import static io.vigil.parse.windows.Conversion.TRANSPORT;

import java.util.Map;

/** Microsoft-Windows-Sysmon/Operational, following Winlogbeat's Sysmon module. */
final class SysmonTable {
    private SysmonTable() {}

    private static EventRule file(String type) {
        return EventRule.of("file", type).sysmonProcess()
                .map("TargetFilename", "file.path").map("TargetFilename", "file.name", BASENAME)
                .map("TargetFilename", "file.directory", DIRNAME).map("TargetFilename", "file.extension", EXTENSION);
    }

    private static EventRule registry(String type) {
        return EventRule.of("registry", type).sysmonProcess()
                .map("TargetObject", "registry.path").map("TargetObject", "registry.value", BASENAME)
                .map("Details", "registry.data.strings");
    }

    static final ChannelTable TABLE = new ChannelTable("sysmon", Map.ofEntries(
            Map.entry("1", EventRule.of("process", "start").sysmonProcess()
                    .map("CommandLine", "process.command_line").map("CurrentDirectory", "process.working_directory")
                    .map("OriginalFileName", "process.pe.original_file_name").map("Hashes", "process.hash", HASHES)
                    .map("ParentImage", "process.parent.executable").map("ParentImage", "process.parent.name", BASENAME)
                    .map("ParentCommandLine", "process.parent.command_line")
                    .map("ParentProcessId", "process.parent.pid", NUMBER)
                    .map("ParentProcessGuid", "process.parent.entity_id")),
            Map.entry("2", file("change")),
            Map.entry("3", EventRule.of("network", "connection").sysmonProcess()
                    .map("Protocol", "network.transport", TRANSPORT)
                    .map("SourceIp", "source.ip", IP).map("SourcePort", "source.port", NUMBER)
                    .map("SourceHostname", "source.domain")
                    .map("DestinationIp", "destination.ip", IP).map("DestinationPort", "destination.port", NUMBER)
                    .map("DestinationHostname", "destination.domain")),
            Map.entry("5", EventRule.of("process", "end").sysmonProcess()),
            Map.entry("6", EventRule.of("driver", "start").map("ImageLoaded", "file.path")
                    .map("ImageLoaded", "file.name", BASENAME).map("Hashes", "file.hash", HASHES)),
            Map.entry("7", EventRule.of("process", "change").sysmonProcess().map("ImageLoaded", "file.path")
                    .map("ImageLoaded", "file.name", BASENAME).map("Hashes", "file.hash", HASHES)),
            Map.entry("8", EventRule.of("process", "change").map("SourceImage", "process.executable")
                    .map("SourceImage", "process.name", BASENAME).map("SourceProcessId", "process.pid", NUMBER)),
            Map.entry("10", EventRule.of("process", "access").map("SourceImage", "process.executable")
                    .map("SourceImage", "process.name", BASENAME).map("SourceProcessId", "process.pid", NUMBER)
                    .map("SourceUser", "user", DOMAIN_USER)),
            Map.entry("11", file("creation")),
            Map.entry("12", registry("change")),
            Map.entry("13", registry("change")),
            Map.entry("14", registry("change")),
            Map.entry("15", file("access")),
            Map.entry("17", EventRule.of("file", "creation").sysmonProcess().map("PipeName", "file.name")),
            Map.entry("18", EventRule.of("file", "access").sysmonProcess().map("PipeName", "file.name")),
            Map.entry("22", EventRule.of("network", "protocol").sysmonProcess()
                    .map("QueryName", "dns.question.name").map("QueryStatus", "sysmon.dns.status")
                    .action("dns-query")),
            Map.entry("23", file("deletion")),
            Map.entry("26", file("deletion"))));
}
