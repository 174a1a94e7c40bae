package io.vigil.server.cli;

import io.vigil.access.audit.AuditVerification;
import io.vigil.access.audit.AuditVerifier;
import io.vigil.access.audit.FileAuditLog;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil audit verify --data DIR}: checks the audit chain; exit 1 naming the first broken record. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log tools.")
public final class AuditCommand {
    @Spec
    CommandSpec spec;

    @Command(name = "verify", description = "Check the audit log's hash chain. Exit 0 intact, 1 broken.")
    int verify(@Option(names = "--data", required = true, paramLabel = "DIR") Path data) throws IOException {
        Path file = FileAuditLog.fileIn(data);
        AuditVerification result = AuditVerifier.verify(file);
        if (result.intact()) {
            spec.commandLine().getOut().println(file + ": " + result.describe());
            return 0;
        }
        spec.commandLine().getErr().println(file + ": " + result.describe());
        return 1;
    }
}
