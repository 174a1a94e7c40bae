package io.vigil.parse.windows;

import static io.vigil.parse.windows.Conversion.BASENAME;
import static io.vigil.parse.windows.Conversion.IP;
import static io.vigil.parse.windows.Conversion.LOGON_TYPE;
import static io.vigil.parse.windows.Conversion.NUMBER;

import java.util.Map;

/** The Security channel, following Winlogbeat's Security module for the events detections rely on. */
final class SecurityTable {
    private SecurityTable() {}

    private static EventRule logon(String type, String outcome, String action) {
        return EventRule.of("authentication", type).outcome(outcome).action(action)
                .map("TargetUserName", "user.name").map("TargetDomainName", "user.domain")
                .map("TargetUserSid", "user.id").map("LogonType", "winlog.logon.type", LOGON_TYPE)
                .map("TargetLogonId", "winlog.logon.id")
                .map("IpAddress", "source.ip", IP).map("IpPort", "source.port", NUMBER)
                .map("WorkstationName", "source.domain")
                .map("ProcessName", "process.executable").map("ProcessName", "process.name", BASENAME)
                .map("ProcessId", "process.pid", NUMBER);
    }

    private static EventRule account(String type, String action) {
        return EventRule.of("iam", type).outcome("success").action(action)
                .map("SubjectUserName", "user.name").map("SubjectDomainName", "user.domain")
                .map("SubjectUserSid", "user.id").map("TargetUserName", "user.target.name")
                .map("TargetDomainName", "user.target.domain");
    }

    static final ChannelTable TABLE = new ChannelTable("windows", Map.ofEntries(
            Map.entry("4624", logon("start", "success", "logged-in")),
            Map.entry("4625", logon("start", "failure", "logon-failed").map("Status", "winlog.logon.failure.status")
                    .map("SubStatus", "winlog.logon.failure.sub_status")),
            Map.entry("4634", logon("end", "success", "logged-out")),
            Map.entry("4647", logon("end", "success", "logged-out")),
            Map.entry("4648", EventRule.of("authentication", "start").outcome("success").action("logged-in-explicit")
                    .map("SubjectUserName", "user.name").map("SubjectDomainName", "user.domain")
                    .map("TargetUserName", "user.target.name").map("TargetDomainName", "user.target.domain")
                    .map("TargetServerName", "destination.domain")
                    .map("IpAddress", "source.ip", IP).map("IpPort", "source.port", NUMBER)
                    .map("ProcessName", "process.executable").map("ProcessName", "process.name", BASENAME)
                    .map("ProcessId", "process.pid", NUMBER)),
            Map.entry("4672", EventRule.of("iam", "admin").outcome("success").action("logged-in-special")
                    .map("SubjectUserName", "user.name").map("SubjectDomainName", "user.domain")
                    .map("SubjectUserSid", "user.id").map("SubjectLogonId", "winlog.logon.id")),
            Map.entry("4688", EventRule.of("process", "start").outcome("success").action("created-process")
                    .map("NewProcessName", "process.executable").map("NewProcessName", "process.name", BASENAME)
                    .map("NewProcessId", "process.pid", NUMBER).map("CommandLine", "process.command_line")
                    .map("ParentProcessName", "process.parent.executable")
                    .map("ParentProcessName", "process.parent.name", BASENAME)
                    .map("ProcessId", "process.parent.pid", NUMBER)
                    .map("SubjectUserName", "user.name").map("SubjectDomainName", "user.domain")
                    .map("SubjectUserSid", "user.id")),
            Map.entry("4689", EventRule.of("process", "end").outcome("success").action("exited-process")
                    .map("ProcessName", "process.executable").map("ProcessName", "process.name", BASENAME)
                    .map("ProcessId", "process.pid", NUMBER)
                    .map("SubjectUserName", "user.name").map("SubjectDomainName", "user.domain")),
            Map.entry("4720", account("creation", "added-user-account")),
            Map.entry("4722", account("change", "enabled-user-account")),
            Map.entry("4726", account("deletion", "deleted-user-account")),
            Map.entry("4728", account("change", "added-member-to-group").map("TargetUserName", "group.name")
                    .map("MemberName", "user.target.name")),
            Map.entry("4732", account("change", "added-member-to-group").map("TargetUserName", "group.name")
                    .map("MemberName", "user.target.name")),
            Map.entry("4756", account("change", "added-member-to-group").map("TargetUserName", "group.name")
                    .map("MemberName", "user.target.name")),
            Map.entry("1102", EventRule.of("iam", "change").outcome("success").action("audit-log-cleared")
                    .map("SubjectUserName", "user.name").map("SubjectDomainName", "user.domain")
                    .map("SubjectUserSid", "user.id"))));
}
