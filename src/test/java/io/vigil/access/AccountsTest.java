package io.vigil.access;

import io.vigil.testkit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.meta.MetaDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTest {
    @TempDir
    Path dataDir;
    MetaDatabase db;
    ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    Accounts accounts;

    @BeforeEach
    void open() {
        db = MetaDatabase.open(dataDir);
        accounts = new Accounts(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void rejectsWeakAdminPasswordWithClearMessage() {
        assertThatThrownBy(() -> accounts.bootstrapAdmin("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VIGIL_ADMIN_PASSWORD")
                .hasMessageContaining("at least 12");
        assertThat(accounts.user("admin")).isEmpty();
    }

    @Test
    void generatesRandomAdminPasswordWhenUnsetAndOnlyOnce() {
        Optional<String> generated = accounts.bootstrapAdmin(null);
        assertThat(generated).isPresent();
        assertThat(generated.get()).hasSize(20);
        assertThat(accounts.authenticate("admin", generated.get())).map(Principal::role).contains(Role.ADMIN);
        assertThat(accounts.bootstrapAdmin(null)).isEmpty();
        assertThat(accounts.authenticate("admin", generated.get())).isPresent();
    }

    @Test
    void bootstrapsAdminWithGivenPassword() {
        assertThat(accounts.bootstrapAdmin("a long admin passphrase")).isEmpty();
        assertThat(accounts.authenticate("admin", "a long admin passphrase")).isPresent();
        assertThat(accounts.authenticate("admin", "a long admin passphrasf")).isEmpty();
    }

    @Test
    void passwordPolicyRejectsShortAndNameEqualPasswords() {
        assertThatThrownBy(() -> accounts.createUser("bob", "elevenchars", Role.VIEWER)).hasMessageContaining("12");
        assertThatThrownBy(() -> accounts.createUser("longusername1", "LONGUSERNAME1", Role.VIEWER))
                .hasMessageContaining("user name");
    }

    @Test
    void disabledUserCannotAuthenticateEvenWhenCached() {
        accounts.createUser("carol", "carols passphrase", Role.ANALYST);
        assertThat(accounts.authenticate("carol", "carols passphrase")).isPresent();
        accounts.setDisabled("carol", true);
        assertThat(accounts.authenticate("carol", "carols passphrase")).isEmpty();
        assertThat(accounts.authenticate("nobody", "carols passphrase")).isEmpty();
    }

    @Test
    void recordsLastLoginTime() {
        accounts.createUser("dave", "daves passphrase", Role.VIEWER);
        assertThat(accounts.user("dave").orElseThrow().lastLoginAt()).isNull();
        accounts.authenticate("dave", "daves passphrase");
        assertThat(accounts.user("dave").orElseThrow().lastLoginAt()).isEqualTo(clock.instant());
    }

    @Test
    void tokensAreStoredOnlyAsSha256OfTheSecret() throws Exception {
        accounts.bootstrapAdmin("a long admin passphrase");
        IssuedToken issued = accounts.createToken("admin", "filebeat", Role.INGEST, Set.of());
        assertThat(issued.secret()).startsWith("vgl_" + issued.token().id() + "_");
        String secretPart = issued.secret().substring(("vgl_" + issued.token().id() + "_").length());
        assertThat(Base64.getUrlDecoder().decode(secretPart)).hasSize(32);
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT * FROM api_tokens WHERE id = ?")) {
            ps.setString(1, issued.token().id());
            ResultSet rs = ps.executeQuery();
            assertThat(rs.next()).isTrue();
            byte[] stored = rs.getBytes("secret_sha256");
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(secretPart.getBytes(StandardCharsets.US_ASCII));
            assertThat(stored).isEqualTo(expected);
            for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                assertThat(String.valueOf(rs.getObject(col))).doesNotContain(secretPart);
            }
        }
    }

    @Test
    void tokenAuthenticatesAloneAsOwnersBasicPasswordAndAsApiKeyUntilRevoked() {
        accounts.bootstrapAdmin("a long admin passphrase");
        accounts.createUser("shipper", "shipper passphrase", Role.VIEWER);
        IssuedToken issued = accounts.createToken("shipper", "beats", Role.INGEST, Set.of(Capability.METRICS));
        String id = issued.token().id();
        String secret = issued.secret().substring(("vgl_" + id + "_").length());

        Principal principal = accounts.authenticateToken(issued.secret()).orElseThrow();
        assertThat(principal.role()).isEqualTo(Role.INGEST);
        assertThat(principal.user()).isEqualTo("shipper");
        assertThat(principal.has(Capability.METRICS)).isTrue();
        assertThat(accounts.authenticate("shipper", issued.secret())).isPresent();
        assertThat(accounts.authenticate("admin", issued.secret())).as("token of another user").isEmpty();
        assertThat(accounts.authenticateApiKey(id, secret)).isPresent();
        assertThat(accounts.authenticateApiKey(id, secret.substring(1) + "A")).isEmpty();

        assertThat(accounts.revokeToken(id)).isTrue();
        assertThat(accounts.authenticateToken(issued.secret())).isEmpty();
        assertThat(accounts.tokens()).singleElement().satisfies(t -> assertThat(t.revoked()).isTrue());
    }

    @Test
    void tokenLastUsedIsRecordedAtMostOncePerMinute() {
        accounts.bootstrapAdmin("a long admin passphrase");
        IssuedToken issued = accounts.createToken("admin", "t", Role.VIEWER, Set.of());
        Instant first = clock.instant();
        accounts.authenticateToken(issued.secret());
        clock.advance(Duration.ofSeconds(10));
        accounts.authenticateToken(issued.secret());
        assertThat(accounts.tokens().get(0).lastUsedAt()).isEqualTo(first);
        clock.advance(Duration.ofSeconds(61));
        accounts.authenticateToken(issued.secret());
        assertThat(accounts.tokens().get(0).lastUsedAt()).isEqualTo(clock.instant());
    }

    @Test
    void rejectsMalformedTokens() {
        assertThat(accounts.authenticateToken("vgl_short")).isEmpty();
        assertThat(accounts.authenticateToken(null)).isEmpty();
        assertThat(accounts.authenticateApiKey("zz", "x")).isEmpty();
    }
}
