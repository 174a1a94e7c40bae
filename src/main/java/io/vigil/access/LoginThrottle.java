package io.vigil.access;

import io.vigil.meta.MetaDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per user name and per source address and locks a key that fails too often
 * ({@link LockoutPolicy}). State is kept in memory for cheap checks on every request and written through
 * to the {@code login_lockouts} table, from which it is reloaded at start, so a restart does not reset a
 * lock. Unknown user names are counted like real ones, so a lock says nothing about whether a name exists.
 * A success clears the user's counter only: clearing the address as well would let an attacker with one
 * valid account reset the counter while spraying others. Thread-safe (per-key atomic updates).
 */
public final class LoginThrottle {
    private record State(int failures, Instant windowStart, Instant lockedUntil) {
    }

    private final MetaDatabase db;
    private final Clock clock;
    private final LockoutPolicy policy;
    private final Map<String, State> byKey = new ConcurrentHashMap<>();

    public LoginThrottle(MetaDatabase db, Clock clock, LockoutPolicy policy) {
        this.db = db;
        this.clock = clock;
        this.policy = policy;
        load();
    }

    /** The lock in force for this user or address (the later-ending one), if any. */
    public Optional<Lockout> lockFor(String user, String address) {
        Instant now = clock.instant();
        Optional<Lockout> byUser = locked(Lockout.Kind.USER, user, now);
        Optional<Lockout> byAddress = locked(Lockout.Kind.ADDRESS, address, now);
        if (byUser.isPresent() && byAddress.isPresent()) {
            return byUser.get().until().isAfter(byAddress.get().until()) ? byUser : byAddress;
        }
        return byUser.isPresent() ? byUser : byAddress;
    }

    /** Counts a failure for both keys; returns the lock it caused or that is in force. */
    public Optional<Lockout> recordFailure(String user, String address) {
        if (user != null) {
            fail(Lockout.Kind.USER, user, policy.userFailures());
        }
        if (address != null) {
            fail(Lockout.Kind.ADDRESS, address, policy.addressFailures());
        }
        return lockFor(user, address);
    }

    /** A successful login clears the user's failures (not the address's; see the class comment). */
    public void recordSuccess(String user) {
        String key = key(Lockout.Kind.USER, user);
        if (byKey.remove(key) != null) {
            delete(key);
        }
    }

    /** Lifts a lock by hand (admin action): both the user name and, if given, the address. */
    public void clear(String user, String address) {
        recordSuccess(user);
        if (address != null && byKey.remove(key(Lockout.Kind.ADDRESS, address)) != null) {
            delete(key(Lockout.Kind.ADDRESS, address));
        }
    }

    private Optional<Lockout> locked(Lockout.Kind kind, String subject, Instant now) {
        if (subject == null) {
            return Optional.empty();
        }
        State state = byKey.get(key(kind, subject));
        if (state == null || state.lockedUntil() == null || !state.lockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new Lockout(kind, subject, state.lockedUntil()));
    }

    private void fail(Lockout.Kind kind, String subject, int limit) {
        Instant now = clock.instant();
        String key = key(kind, subject);
        State next = byKey.compute(key, (k, old) -> {
            if (old != null && old.lockedUntil() != null && old.lockedUntil().isAfter(now)) {
                return old; // already locked: failures while locked neither extend nor count
            }
            boolean fresh = old == null || !old.windowStart().plus(policy.window()).isAfter(now);
            int failures = fresh ? 1 : old.failures() + 1;
            Instant start = fresh ? now : old.windowStart();
            Instant until = failures >= limit ? now.plus(policy.lockFor()) : null;
            return new State(until != null ? 0 : failures, until != null ? now : start, until);
        });
        save(key, next);
    }

    private static String key(Lockout.Kind kind, String subject) {
        String prefix = kind == Lockout.Kind.USER ? "user:" : "addr:";
        String text = prefix + subject;
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    private void load() {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT lock_key, failures, window_start, locked_until FROM login_lockouts")) {
            while (rs.next()) {
                byKey.put(rs.getString(1), new State(rs.getInt(2), UserTable.instant(rs, 3), UserTable.instant(rs, 4)));
            }
        } catch (SQLException e) {
            throw UserTable.failure("read login lockouts", e);
        }
    }

    private void save(String key, State state) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "MERGE INTO login_lockouts (lock_key, failures, window_start, locked_until) KEY (lock_key) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setInt(2, state.failures());
            ps.setObject(3, UserTable.utc(state.windowStart()));
            ps.setObject(4, state.lockedUntil() == null ? null : UserTable.utc(state.lockedUntil()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw UserTable.failure("save login lockout " + key, e);
        }
    }

    private void delete(String key) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM login_lockouts WHERE lock_key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw UserTable.failure("clear login lockout " + key, e);
        }
    }
}
