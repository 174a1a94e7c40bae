package io.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.access.Accounts;
import io.vigil.access.Principal;
import io.vigil.access.Role;
import io.vigil.access.audit.AuditQuery;
import io.vigil.access.audit.FileAuditLog;
import io.vigil.meta.MetaDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void usersAreAddedListedRepasswordedAndDisabledOffline() throws Exception {
        Path data = tmp.resolve("data");
        String dir = data.toString();
        CliRun added = CliRun.of("alice's long passphrase\n", "user", "add", "alice", "--role", "analyst",
                "--password-stdin", "--data", dir);
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("created user alice with role analyst");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");

        CliRun weak = CliRun.of("password1234\n", "user", "add", "bob", "--role", "viewer", "--password-stdin", "--data", dir);
        assertThat(weak.exitCode()).isEqualTo(1);
        assertThat(weak.err()).contains("common passwords");
        assertThat(CliRun.of("", "user", "add", "bob", "--role", "root", "--password-stdin", "--data", dir).err())
                .contains("unknown role 'root'");

        assertThat(CliRun.of("alice's newer passphrase\n", "user", "passwd", "alice", "--password-stdin", "--data", dir)
                .exitCode()).isZero();
        CliRun list = CliRun.of("", "user", "list", "--data", dir);
        assertThat(list.out()).contains("alice").contains("analyst").contains("enabled").doesNotContain("bob");
        assertThat(CliRun.of("", "user", "disable", "alice", "--data", dir).exitCode()).isZero();
        assertThat(CliRun.of("", "user", "list", "--data", dir).out()).contains("disabled");

        try (MetaDatabase db = MetaDatabase.open(data)) {
            Accounts accounts = new Accounts(db, Clock.systemUTC());
            assertThat(accounts.user("alice").orElseThrow().disabled()).isTrue();
            accounts.setDisabled("alice", false);
            assertThat(accounts.authenticate("alice", "alice's newer passphrase")).map(Principal::role).contains(Role.ANALYST);
        }
        try (FileAuditLog audit = FileAuditLog.open(data, Clock.systemUTC())) {
            assertThat(audit.search(AuditQuery.all(10))).extracting(r -> r.action() + " " + r.target())
                    .containsExactly("user.disable alice", "user.password alice", "user.create alice");
        }
    }

    @Test
    void tokensAreCreatedOnceListedWithoutSecretsAndRevoked() throws Exception {
        String dir = tmp.resolve("data").toString();
        assertThat(CliRun.of("the admin passphrase\n", "user", "add", "admin", "--role", "admin", "--password-stdin",
                "--data", dir).exitCode()).isZero();
        CliRun created = CliRun.of("", "token", "create", "--name", "filebeat", "--role", "ingest", "--data", dir);
        assertThat(created.exitCode()).as(created.err()).isZero();
        String token = created.out().strip();
        assertThat(token).matches("vgl_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
        assertThat(created.err()).contains("not shown again");
        String id = token.substring(4, 20);

        CliRun list = CliRun.of("", "token", "list", "--data", dir);
        assertThat(list.out()).contains(id).contains("filebeat").contains("active").doesNotContain(token.substring(21));
        try (MetaDatabase db = MetaDatabase.open(Path.of(dir))) {
            assertThat(new Accounts(db, Clock.systemUTC()).authenticateToken(token)).isPresent();
        }
        assertThat(CliRun.of("", "token", "revoke", id, "--data", dir).exitCode()).isZero();
        assertThat(CliRun.of("", "token", "list", "--data", dir).out()).contains("revoked");
        CliRun unknown = CliRun.of("", "token", "revoke", "ffffffffffffffff", "--data", dir);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no API token");
        try (MetaDatabase db = MetaDatabase.open(Path.of(dir))) {
            assertThat(new Accounts(db, Clock.systemUTC()).authenticateToken(token)).isEmpty();
        }
        assertThat(CliRun.of("", "token", "create", "--name", "x", "--role", "viewer", "--user", "ghost", "--data", dir)
                .err()).contains("no user 'ghost'");
    }

    @Test
    void auditVerifyExitsZeroWhenIntactAndOneNamingTheBrokenRecord() throws Exception {
        Path data = tmp.resolve("data");
        String dir = data.toString();
        for (String name : List.of("ann", "ben", "cat")) {
            CliRun.of(name + " has a long passphrase\n", "user", "add", name, "--role", "viewer", "--password-stdin", "--data", dir);
        }
        CliRun ok = CliRun.of("", "audit", "verify", "--data", dir);
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("intact: 3 record(s)");

        Path file = FileAuditLog.fileIn(data);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, lines.get(1).replace("\"target\":\"ben\"", "\"target\":\"bob\""));
        Files.write(file, lines);
        CliRun broken = CliRun.of("", "audit", "verify", "--data", dir);
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).contains("BROKEN at line 2").contains("seq 2 was edited");
    }
}
