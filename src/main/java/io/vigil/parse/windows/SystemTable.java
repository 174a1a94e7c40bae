package io.vigil.parse.windows;

import java.util.Map;

/** The System channel: service installation and state changes, log clearing. */
final class SystemTable {
    private SystemTable() {}

    static final ChannelTable TABLE = new ChannelTable("windows", Map.of(
            "7045", EventRule.of("configuration", "creation").action("service-installed")
                    .map("ServiceName", "service.name").map("ServiceType", "service.type")
                    .map("ImagePath", "process.command_line").map("AccountName", "user.name"),
            "7036", EventRule.of("configuration", "change").action("service-state-changed")
                    .map("param1", "service.name").map("param2", "service.state"),
            "7040", EventRule.of("configuration", "change").action("service-start-type-changed")
                    .map("param1", "service.name"),
            "104", EventRule.of("iam", "change").outcome("success").action("audit-log-cleared")
                    .map("SubjectUserName", "user.name").map("SubjectDomainName", "user.domain")));
}
