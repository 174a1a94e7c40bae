package io.vigil.parse.windows;

import java.util.Map;

/** Microsoft-Windows-PowerShell/Operational (module and script block logging) and Windows PowerShell. */
final class PowerShellTable {
    private PowerShellTable() {}

    static final ChannelTable TABLE = new ChannelTable("windows", Map.of(
            "4103", EventRule.of("process", "info").action("executing-pipeline")
                    .map("Payload", "powershell.command.invocation_details")
                    .map("ContextInfo", "powershell.command.context_info"),
            "4104", EventRule.of("process", "info").action("execute-script")
                    .map("ScriptBlockText", "powershell.file.script_block_text")
                    .map("ScriptBlockId", "powershell.file.script_block_id").map("Path", "file.path"),
            "400", EventRule.of("process", "start").action("engine-started").map("param3", "powershell.engine.details"),
            "403", EventRule.of("process", "end").action("engine-stopped").map("param3", "powershell.engine.details"),
            "600", EventRule.of("process", "info").action("provider-started").map("param3", "powershell.engine.details"),
            "800", EventRule.of("process", "info").action("pipeline-executed").map("param3", "powershell.engine.details")));
}
