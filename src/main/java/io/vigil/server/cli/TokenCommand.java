package io.vigil.server.cli;

import io.vigil.access.ApiToken;
import io.vigil.access.Capability;
import io.vigil.access.IssuedToken;
import io.vigil.access.Role;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil token create|revoke|list --data DIR}: offline API token administration (audited). */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens offline (server stopped).")
public final class TokenCommand {
    @Spec
    CommandSpec spec;

    @Command(name = "create", description = "Issue a token; it is printed once and cannot be shown again.")
    int create(@Option(names = "--name", required = true) String name,
               @Option(names = "--role", required = true, description = "admin, analyst, viewer or ingest") String role,
               @Option(names = "--user", defaultValue = "admin", description = "owner (default: admin)") String user,
               @Option(names = "--capability", description = "extra capability, e.g. metrics") List<String> capabilities,
               @Option(names = "--data", required = true, paramLabel = "DIR") Path data) {
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        if (capabilities != null) {
            capabilities.forEach(c -> caps.add(Capability.parse(c)));
        }
        IssuedToken issued;
        try (OfflineData d = OfflineData.open(data)) {
            issued = d.accounts.createToken(user, name, Role.parse(role), caps);
            d.audit.record(d.actor, "token.create", issued.token().id(), Map.of("name", name, "owner", user,
                    "role", issued.token().role().lowerName()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(issued.secret());
        spec.commandLine().getErr().println("token " + issued.token().id() + " (" + name + ", role "
                + issued.token().role().lowerName() + ", owner " + user + "): store it now, it is not shown again");
        return 0;
    }

    @Command(name = "revoke", description = "Revoke a token by id.")
    int revoke(@Parameters(paramLabel = "ID") String id,
               @Option(names = "--data", required = true, paramLabel = "DIR") Path data) {
        try (OfflineData d = OfflineData.open(data)) {
            if (!d.accounts.revokeToken(id)) {
                spec.commandLine().getErr().println("vigil: no API token with id '" + id + "' (see vigil token list)");
                return 1;
            }
            d.audit.record(d.actor, "token.revoke", id, Map.of());
        }
        spec.commandLine().getOut().println("revoked token " + id);
        return 0;
    }

    @Command(name = "list", description = "List tokens (never their secrets).")
    int list(@Option(names = "--data", required = true, paramLabel = "DIR") Path data) {
        try (OfflineData d = OfflineData.open(data)) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-16s %-20s %-8s %-16s %-8s %s%n", "ID", "NAME", "ROLE", "OWNER", "STATE", "LAST USED");
            for (ApiToken t : d.accounts.tokens()) {
                out.printf("%-16s %-20s %-8s %-16s %-8s %s%n", t.id(), t.name(), t.role().lowerName(), t.owner(),
                        t.revoked() ? "revoked" : "active", t.lastUsedAt() == null ? "never" : t.lastUsedAt());
            }
        }
        return 0;
    }
}
