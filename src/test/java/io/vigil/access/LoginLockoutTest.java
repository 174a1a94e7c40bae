package io.vigil.access;

import io.vigil.testkit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.meta.MetaDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginLockoutTest {
    static final String PASSWORD = "dora's long passphrase";
    static final LockoutPolicy POLICY = new LockoutPolicy(3, 4, Duration.ofMinutes(15), Duration.ofMinutes(15));

    @TempDir
    Path dataDir;
    MetaDatabase db;
    ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    Accounts accounts;

    @BeforeEach
    void open() {
        db = MetaDatabase.open(dataDir);
        accounts = new Accounts(db, clock, POLICY);
        accounts.createUser("dora", PASSWORD, Role.ANALYST);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void userIsLockedAfterRepeatedFailuresEvenWithTheRightPasswordUntilTheLockEnds() {
        assertThat(accounts.login("dora", "wrong guess one", "10.0.0.1")).isInstanceOf(LoginOutcome.Rejected.class);
        assertThat(accounts.login("dora", "wrong guess two", "10.0.0.2")).isInstanceOf(LoginOutcome.Rejected.class);
        LoginOutcome third = accounts.login("dora", "wrong guess three", "10.0.0.3");
        assertThat(third).isInstanceOfSatisfying(LoginOutcome.Locked.class,
                l -> assertThat(l.lockout().kind()).isEqualTo(Lockout.Kind.USER));
        assertThat(accounts.login("dora", PASSWORD, "10.0.0.9")).isInstanceOf(LoginOutcome.Locked.class);
        clock.advance(Duration.ofMinutes(14));
        assertThat(accounts.login("dora", PASSWORD, "10.0.0.9")).isInstanceOf(LoginOutcome.Locked.class);
        clock.advance(Duration.ofMinutes(2));
        assertThat(accounts.login("dora", PASSWORD, "10.0.0.9")).isInstanceOf(LoginOutcome.Success.class);
    }

    @Test
    void failuresOutsideTheWindowDoNotAccumulate() {
        for (int i = 0; i < 4; i++) {
            assertThat(accounts.login("dora", "wrong guess " + i, "10.0.0." + i)).isInstanceOf(LoginOutcome.Rejected.class);
            if (i % 2 == 1) {
                clock.advance(Duration.ofMinutes(16));
            }
        }
        assertThat(accounts.login("dora", PASSWORD, "10.0.0.8")).isInstanceOf(LoginOutcome.Success.class);
    }

    @Test
    void addressIsLockedAfterFailuresAcrossManyUserNamesWhileOtherAddressesStillLogIn() {
        for (String name : new String[] {"alice", "bob", "carol"}) {
            assertThat(accounts.login(name, "spray password 1", "203.0.113.7")).isInstanceOf(LoginOutcome.Rejected.class);
        }
        LoginOutcome fourth = accounts.login("erin", "spray password 1", "203.0.113.7");
        assertThat(fourth).isInstanceOfSatisfying(LoginOutcome.Locked.class, l -> {
            assertThat(l.lockout().kind()).isEqualTo(Lockout.Kind.ADDRESS);
            assertThat(l.lockout().describe(clock.instant())).contains("your address").contains("15");
        });
        assertThat(accounts.login("dora", PASSWORD, "203.0.113.7")).isInstanceOf(LoginOutcome.Locked.class);
        assertThat(accounts.login("dora", PASSWORD, "198.51.100.1")).isInstanceOf(LoginOutcome.Success.class);
    }

    @Test
    void successClearsTheUserCounter() {
        accounts.login("dora", "wrong guess one", "10.0.0.1");
        accounts.login("dora", "wrong guess two", "10.0.0.1");
        assertThat(accounts.login("dora", PASSWORD, "10.0.0.5")).isInstanceOf(LoginOutcome.Success.class);
        assertThat(accounts.login("dora", "wrong guess three", "10.0.0.6")).isInstanceOf(LoginOutcome.Rejected.class);
    }

    @Test
    void lockSurvivesARestart() {
        for (int i = 0; i < 3; i++) {
            accounts.login("dora", "wrong guess " + i, "10.0.0.1");
        }
        db.close();
        db = MetaDatabase.open(dataDir);
        Accounts reopened = new Accounts(db, clock, POLICY);
        assertThat(reopened.login("dora", PASSWORD, "10.0.0.50")).isInstanceOf(LoginOutcome.Locked.class);
        reopened.throttle().clear("dora", null);
        assertThat(reopened.login("dora", PASSWORD, "10.0.0.50")).isInstanceOf(LoginOutcome.Success.class);
    }

    @Test
    void passwordPolicyRejectsShortNameAndCommonPasswords() {
        assertThatThrownBy(() -> accounts.createUser("erin", "short", Role.VIEWER)).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> accounts.createUser("administrator", "Administrator1", Role.VIEWER))
                .hasMessageContaining("user name");
        assertThatThrownBy(() -> accounts.createUser("erin", "Password1234", Role.VIEWER)).hasMessageContaining("common");
        assertThatThrownBy(() -> accounts.createUser("erin", "aaaaaaaaaaaaaaaa", Role.VIEWER)).hasMessageContaining("common");
        assertThat(accounts.createUser("erin", "erin likes long walks", Role.VIEWER).name()).isEqualTo("erin");
    }
}
