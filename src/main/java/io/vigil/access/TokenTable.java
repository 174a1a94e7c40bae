package io.vigil.access;

import static io.vigil.access.UserTable.failure;
import static io.vigil.access.UserTable.instant;
import static io.vigil.access.UserTable.utc;

import io.vigil.meta.MetaDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** JDBC access to the {@code api_tokens} table; the secret column is SHA-256 of the secret. */
final class TokenTable {
    /** A token row with its secret hash, used only inside this package. */
    record Row(ApiToken token, byte[] secretSha256) {
    }

    private static final String COLUMNS =
            "id, name, role, capabilities, owner, created_at, last_used_at, revoked, secret_sha256";

    private final MetaDatabase db;

    TokenTable(MetaDatabase db) {
        this.db = db;
    }

    void insert(ApiToken token, byte[] secretSha256) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO api_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, NULL, FALSE, ?)")) {
            ps.setString(1, token.id());
            ps.setString(2, token.name());
            ps.setString(3, token.role().name());
            ps.setString(4, Capability.toList(token.capabilities()));
            ps.setString(5, token.owner());
            ps.setObject(6, utc(token.createdAt()));
            ps.setBytes(7, secretSha256);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("insert token " + token.id(), e);
        }
    }

    Optional<Row> find(String id) {
        List<Row> rows = query("SELECT " + COLUMNS + " FROM api_tokens WHERE id = ?", id);
        return rows.stream().findFirst();
    }

    List<ApiToken> all() {
        return query("SELECT " + COLUMNS + " FROM api_tokens ORDER BY created_at, id", null)
                .stream().map(Row::token).toList();
    }

    /** Marks the token revoked; false when there is no such token. */
    boolean revoke(String id) {
        return update("UPDATE api_tokens SET revoked = TRUE WHERE id = ?", id, null) > 0;
    }

    void touch(String id, Instant now) {
        update("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", id, now);
    }

    private int update(String sql, String id, Instant time) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            int index = 1;
            if (time != null) {
                ps.setObject(index++, utc(time));
            }
            ps.setString(index, id);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("update token " + id, e);
        }
    }

    private List<Row> query(String sql, String id) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) {
                ps.setString(1, id);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(new ApiToken(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                            Capability.parseList(rs.getString(4)), rs.getString(5), instant(rs, 6), instant(rs, 7),
                            rs.getBoolean(8)), rs.getBytes(9)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure("read tokens", e);
        }
    }
}
