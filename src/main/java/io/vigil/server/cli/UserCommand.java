package io.vigil.server.cli;

import io.vigil.access.Role;
import io.vigil.access.User;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigil user add|passwd|disable|list --data DIR}: offline user administration (audited). */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage users offline (server stopped).")
public final class UserCommand {
    @Spec
    CommandSpec spec;

    @Command(name = "add", description = "Create a user. Password: --password-stdin, $VIGIL_USER_PASSWORD, or a prompt.")
    int add(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--role", required = true, description = "admin, analyst, viewer or ingest") String role,
            @Option(names = "--password-stdin", description = "read the password from the first line of stdin") boolean stdin,
            @Option(names = "--data", required = true, paramLabel = "DIR") Path data) {
        Role parsed = Role.parse(role);
        String password = PasswordInput.read(stdin, name);
        try (OfflineData d = OfflineData.open(data)) {
            d.accounts.createUser(name, password, parsed);
            d.audit.record(d.actor, "user.create", name, Map.of("role", parsed.lowerName()));
        }
        out().println("created user " + name + " with role " + parsed.lowerName());
        return 0;
    }

    @Command(name = "passwd", description = "Set a user's password.")
    int passwd(@Parameters(paramLabel = "NAME") String name,
               @Option(names = "--password-stdin") boolean stdin,
               @Option(names = "--data", required = true, paramLabel = "DIR") Path data) {
        String password = PasswordInput.read(stdin, name);
        try (OfflineData d = OfflineData.open(data)) {
            d.accounts.changePassword(name, password);
            d.accounts.throttle().clear(name, null);
            d.audit.record(d.actor, "user.password", name, Map.of());
        }
        out().println("password changed for " + name + " (and any lockout lifted)");
        return 0;
    }

    @Command(name = "disable", description = "Disable a user: logins, sessions and their API tokens stop working.")
    int disable(@Parameters(paramLabel = "NAME") String name,
                @Option(names = "--data", required = true, paramLabel = "DIR") Path data) {
        try (OfflineData d = OfflineData.open(data)) {
            d.accounts.setDisabled(name, true);
            d.audit.record(d.actor, "user.disable", name, Map.of());
        }
        out().println("disabled user " + name);
        return 0;
    }

    @Command(name = "list", description = "List users.")
    int list(@Option(names = "--data", required = true, paramLabel = "DIR") Path data) {
        try (OfflineData d = OfflineData.open(data)) {
            PrintWriter out = out();
            out.printf("%-24s %-8s %-9s %-25s %s%n", "NAME", "ROLE", "STATE", "CREATED", "LAST LOGIN");
            for (User u : d.accounts.users()) {
                out.printf("%-24s %-8s %-9s %-25s %s%n", u.name(), u.role().lowerName(),
                        u.disabled() ? "disabled" : "enabled", u.createdAt(), u.lastLoginAt() == null ? "never" : u.lastLoginAt());
            }
        }
        return 0;
    }

    private PrintWriter out() {
        PrintWriter out = spec.commandLine().getOut();
        return out;
    }
}
