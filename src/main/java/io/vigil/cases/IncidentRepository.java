package io.vigil.cases;

import static io.vigil.cases.SqlJson.instant;
import static io.vigil.cases.SqlJson.ts;

import io.vigil.meta.MetaDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Incidents, their alert membership and their timelines in the metadata database. Writes that must happen
 * together (claim an alert, update the incident, add the timeline line) go through {@link #inTransaction}.
 * Thread-safe: each call uses its own connection.
 */
public final class IncidentRepository {
    private static final String COLUMNS = "id, title, level, status, assignee, hosts, users, tags, first_event_time, "
            + "last_event_time, first_alert_at, created_at, updated_at, contained_at, recovered_at, closed_at";

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final MetaDatabase db;

    public IncidentRepository(MetaDatabase db) {
        this.db = db;
    }

    public <T> T inTransaction(Work<T> work) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("incident database error: " + e.getMessage(), e);
        }
    }

    private <T> T read(Work<T> work) {
        try (Connection c = db.connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("incident database error: " + e.getMessage(), e);
        }
    }

    /** Records that {@code alertId} belongs to {@code incidentId}; false when it already belongs to one. */
    boolean claimAlert(Connection c, String alertId, String incidentId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO incident_alerts a USING (VALUES (CAST(? AS VARCHAR(64)))) "
                + "s(id) ON a.alert_id = s.id WHEN NOT MATCHED THEN INSERT (alert_id, incident_id, joined_at) VALUES (?, ?, ?)")) {
            ps.setString(1, alertId);
            ps.setString(2, alertId);
            ps.setString(3, incidentId);
            ps.setTimestamp(4, ts(at));
            return ps.executeUpdate() == 1;
        }
    }

    void insert(Connection c, Incident i) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO incidents (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, i, 1);
            ps.executeUpdate();
        }
    }

    void update(Connection c, Incident i) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE incidents SET id = ?, title = ?, level = ?, status = ?, "
                + "assignee = ?, hosts = ?, users = ?, tags = ?, first_event_time = ?, last_event_time = ?, first_alert_at = ?, "
                + "created_at = ?, updated_at = ?, contained_at = ?, recovered_at = ?, closed_at = ? WHERE id = ?")) {
            bind(ps, i, 1);
            ps.setString(17, i.id());
            if (ps.executeUpdate() != 1) throw new IllegalStateException("incident " + i.id() + " vanished during update");
        }
    }

    private static void bind(PreparedStatement ps, Incident i, int from) throws SQLException {
        int n = from;
        ps.setString(n++, i.id());
        ps.setString(n++, truncate(i.title(), 1000));
        ps.setString(n++, i.severity().wire());
        ps.setString(n++, i.status().wire());
        ps.setString(n++, i.assignee());
        ps.setString(n++, SqlJson.list(i.hosts()));
        ps.setString(n++, SqlJson.list(i.users()));
        ps.setString(n++, SqlJson.list(i.tags()));
        ps.setTimestamp(n++, ts(i.firstEventTime()));
        ps.setTimestamp(n++, ts(i.lastEventTime()));
        ps.setTimestamp(n++, ts(i.firstAlertAt()));
        ps.setTimestamp(n++, ts(i.createdAt()));
        ps.setTimestamp(n++, ts(i.updatedAt()));
        ps.setTimestamp(n++, ts(i.milestones().containedAt()));
        ps.setTimestamp(n++, ts(i.milestones().recoveredAt()));
        ps.setTimestamp(n, ts(i.milestones().closedAt()));
    }

    public Optional<Incident> get(String id) {
        return read(c -> get(c, id));
    }

    Optional<Incident> get(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM incidents WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(incident(rs)) : Optional.empty();
            }
        }
    }

    /** Open incidents whose latest event is at or after {@code since}: the ones a new alert may join. */
    List<Incident> openSince(Connection c, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM incidents WHERE status NOT IN "
                + "('closed', 'false_positive') AND last_event_time >= ? ORDER BY last_event_time DESC, id")) {
            ps.setTimestamp(1, ts(since));
            return incidents(ps);
        }
    }

    public List<Incident> find(IncidentFilter f) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM incidents WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (f.status() != null) { sql.append(" AND status = ?"); args.add(f.status().wire()); }
        if (f.minSeverity() != null) {
            List<String> levels = Severity.names().subList(f.minSeverity().ordinal(), Severity.values().length);
            sql.append(" AND level IN (").append("?,".repeat(levels.size() - 1)).append("?)");
            args.addAll(levels);
        }
        // hosts is a JSON array of strings; match the quoted element exactly
        if (f.host() != null) { sql.append(" AND hosts LIKE ? ESCAPE '!'"); args.add("%" + likeLiteral(SqlJson.list(List.of(f.host())))
                .replaceAll("^\\[|]$", "") + "%"); }
        sql.append(" ORDER BY last_event_time DESC, id LIMIT ").append(f.limit());
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
                return incidents(ps);
            }
        });
    }

    public List<String> alertIds(String incidentId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT alert_id FROM incident_alerts WHERE incident_id = ? ORDER BY joined_at, alert_id")) {
                ps.setString(1, incidentId);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    void append(Connection c, String incidentId, TimelineEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO incident_timeline (incident_id, at, kind, actor, text, refs) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, incidentId);
            ps.setTimestamp(2, ts(e.time()));
            ps.setString(3, e.kind().wire());
            ps.setString(4, truncate(e.actor(), 200));
            ps.setString(5, e.text());
            ps.setString(6, SqlJson.list(e.refs()));
            ps.executeUpdate();
        }
    }

    /** Adds one timeline line on its own (outside a larger transaction). */
    public void append(String incidentId, TimelineEntry e) {
        inTransaction(c -> {
            append(c, incidentId, e);
            return null;
        });
    }

    public List<TimelineEntry> timeline(String incidentId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, kind, actor, text, refs FROM incident_timeline "
                    + "WHERE incident_id = ? ORDER BY at, seq")) {
                ps.setString(1, incidentId);
                List<TimelineEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TimelineEntry(rs.getLong(1), instant(rs.getTimestamp(2)), TimelineEntry.Kind.parse(rs.getString(3)),
                                rs.getString(4), rs.getString(5), SqlJson.readList(rs.getString(6))));
                    }
                }
                return out;
            }
        });
    }

    private static List<Incident> incidents(PreparedStatement ps) throws SQLException {
        List<Incident> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(incident(rs));
        }
        return out;
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        return new Incident(rs.getString(1), rs.getString(2), Severity.parse(rs.getString(3)),
                IncidentStatus.parse(rs.getString(4)), rs.getString(5), SqlJson.readSet(rs.getString(6)),
                SqlJson.readSet(rs.getString(7)), SqlJson.readSet(rs.getString(8)), instant(rs.getTimestamp(9)),
                instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)),
                instant(rs.getTimestamp(13)), new Incident.Milestones(instant(rs.getTimestamp(14)),
                instant(rs.getTimestamp(15)), instant(rs.getTimestamp(16))));
    }

    private static String likeLiteral(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
