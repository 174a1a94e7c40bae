package io.vigil.alert;

import io.vigil.meta.MetaDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/** Which rules analysts switched off, kept across restarts. */
public final class DisabledRules {
    private final MetaDatabase db;
    private final Clock clock;

    public DisabledRules(MetaDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Set<String> all() {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT rule_id FROM disabled_rules");
             ResultSet rs = ps.executeQuery()) {
            Set<String> out = new HashSet<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read disabled rules: " + e.getMessage(), e);
        }
    }

    public void set(String ruleId, boolean enabled, String by) {
        String sql = enabled ? "DELETE FROM disabled_rules WHERE rule_id = ?"
                : "MERGE INTO disabled_rules (rule_id, disabled_by, disabled_at) KEY (rule_id) VALUES (?, ?, ?)";
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ruleId);
            if (!enabled) {
                ps.setString(2, by);
                ps.setTimestamp(3, Timestamp.from(clock.instant()));
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not change rule " + ruleId + ": " + e.getMessage(), e);
        }
    }
}
