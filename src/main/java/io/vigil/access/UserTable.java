package io.vigil.access;

import io.vigil.meta.MetaDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** JDBC access to the {@code users} table. SQL errors surface as {@link IllegalStateException}s (infrastructure). */
final class UserTable {
    /** A user row with its password hash, used only inside this package. */
    record Row(User user, String passwordHash) {
    }

    private final MetaDatabase db;

    UserTable(MetaDatabase db) {
        this.db = db;
    }

    boolean isEmpty() {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (SQLException e) {
            throw failure("count users", e);
        }
    }

    /** Inserts a user; false when the name is taken. */
    boolean insert(String name, String passwordHash, Role role, Instant now) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO users (name, password_hash, role, disabled, created_at) VALUES (?, ?, ?, FALSE, ?)")) {
            ps.setString(1, name);
            ps.setString(2, passwordHash);
            ps.setString(3, role.name());
            ps.setObject(4, utc(now));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false;
            }
            throw failure("insert user " + name, e);
        }
    }

    Optional<Row> find(String name) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT name, role, disabled, created_at, last_login_at, password_hash FROM users WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                User user = new User(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3),
                        instant(rs, 4), instant(rs, 5));
                return Optional.of(new Row(user, rs.getString(6)));
            }
        } catch (SQLException e) {
            throw failure("read user " + name, e);
        }
    }

    java.util.List<User> all() {
        java.util.List<User> all = new java.util.ArrayList<>();
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT name, role, disabled, created_at, last_login_at FROM users ORDER BY name")) {
            while (rs.next()) {
                all.add(new User(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3),
                        instant(rs, 4), instant(rs, 5)));
            }
            return all;
        } catch (SQLException e) {
            throw failure("list users", e);
        }
    }

    void update(String sql, String name, Object value) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, value);
            ps.setString(2, name);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("update user " + name, e);
        }
    }

    void recordLogin(String name, Instant now) {
        update("UPDATE users SET last_login_at = ? WHERE name = ?", name, utc(now));
    }

    void setDisabled(String name, boolean disabled) {
        update("UPDATE users SET disabled = ? WHERE name = ?", name, disabled);
    }

    void setPasswordHash(String name, String hash) {
        update("UPDATE users SET password_hash = ? WHERE name = ?", name, hash);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("metadata database: cannot " + what + ": " + e.getMessage(), e);
    }
}
