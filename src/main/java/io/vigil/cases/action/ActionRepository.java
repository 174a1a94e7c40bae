package io.vigil.cases.action;

import io.vigil.meta.MetaDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Action records in the metadata database. Thread-safe: one connection per call. */
public final class ActionRepository {
    private static final String COLUMNS = "id, incident_id, action_name, target_host, alert_id, requested_by, requested_at, "
            + "state, approved_by, attempts, result, finished_at";
    private final MetaDatabase db;

    public ActionRepository(MetaDatabase db) {
        this.db = db;
    }

    /** Inserts the record unless one with its id exists; false when it did (an automatic action already asked for). */
    boolean insertNew(ActionRecord r) {
        String sql = "MERGE INTO incident_actions a USING (VALUES (CAST(? AS VARCHAR(64)))) s(id) ON a.id = s.id "
                + "WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, r.id());
            bind(ps, r, 2);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store action " + r.id() + ": " + e.getMessage(), e);
        }
    }

    void update(ActionRecord r) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("UPDATE incident_actions SET state = ?, "
                + "approved_by = ?, attempts = ?, result = ?, finished_at = ? WHERE id = ?")) {
            ps.setString(1, r.state().wire());
            ps.setString(2, r.approvedBy());
            ps.setInt(3, r.attempts());
            ps.setString(4, r.result());
            ps.setTimestamp(5, r.finishedAt() == null ? null : Timestamp.from(r.finishedAt()));
            ps.setString(6, r.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update action " + r.id() + ": " + e.getMessage(), e);
        }
    }

    public Optional<ActionRecord> get(String id) {
        List<ActionRecord> found = query("WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<ActionRecord> forIncident(String incidentId) {
        return query("WHERE incident_id = ? ORDER BY requested_at, id", incidentId);
    }

    private List<ActionRecord> query(String where, String arg) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM incident_actions " + where)) {
            ps.setString(1, arg);
            List<ActionRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp finished = rs.getTimestamp(12);
                    out.add(new ActionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant(), ActionRecord.State.parse(rs.getString(8)),
                            rs.getString(9), rs.getInt(10), rs.getString(11), finished == null ? null : finished.toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read actions: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, ActionRecord r, int from) throws SQLException {
        int n = from;
        ps.setString(n++, r.id());
        ps.setString(n++, r.incidentId());
        ps.setString(n++, r.actionName());
        ps.setString(n++, r.targetHost());
        ps.setString(n++, r.alertId());
        ps.setString(n++, r.requestedBy());
        ps.setTimestamp(n++, Timestamp.from(r.requestedAt()));
        ps.setString(n++, r.state().wire());
        ps.setString(n++, r.approvedBy());
        ps.setInt(n++, r.attempts());
        ps.setString(n++, r.result());
        ps.setTimestamp(n, r.finishedAt() == null ? null : Timestamp.from(r.finishedAt()));
    }
}
