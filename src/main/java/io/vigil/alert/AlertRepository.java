package io.vigil.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.meta.MetaDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alerts in the metadata database. Saving is idempotent by id (a replayed detection inserts nothing), and
 * triage changes (acknowledge, close) are kept when the same alert is raised again.
 * Thread-safe: each call uses its own connection.
 */
public final class AlertRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, rule_id, rule_title, level, tags, event_ids, host, user_name, event_time, "
            + "created_at, status, details";
    private static final String INSERT = "MERGE INTO alerts a USING (VALUES (CAST(? AS VARCHAR(64)))) s(id) ON a.id = s.id "
            + "WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final MetaDatabase db;
    private final Clock clock;

    public AlertRepository(MetaDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Inserts the alerts not stored yet, all in one transaction (one write of the metadata file, which writes
     * every commit before it returns); returns those that were new.
     */
    public List<Alert> saveNew(List<Alert> alerts) {
        if (alerts.isEmpty()) return List.of();
        List<Alert> inserted = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            try {
                for (Alert a : alerts) {
                    bindInsert(ps, a);
                    if (ps.executeUpdate() == 1) inserted.add(a);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store alerts: " + e.getMessage(), e);
        }
        return inserted;
    }

    private static void bindInsert(PreparedStatement ps, Alert a) throws SQLException {
        ps.setString(1, a.id());
        ps.setString(2, a.id());
        ps.setString(3, a.ruleId());
        ps.setString(4, truncate(a.ruleTitle(), 1000));
        ps.setString(5, a.level());
        ps.setString(6, json(a.tags()));
        ps.setString(7, json(a.eventIds()));
        ps.setString(8, truncate(a.host(), 1000));
        ps.setString(9, truncate(a.user(), 1000));
        ps.setTimestamp(10, Timestamp.from(a.eventTime()));
        ps.setTimestamp(11, Timestamp.from(a.createdAt()));
        ps.setString(12, a.status().wire());
        ps.setString(13, json(a.details()));
    }

    public List<Alert> find(AlertQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alerts WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (q.ruleId() != null) { sql.append(" AND rule_id = ?"); args.add(q.ruleId()); }
        if (q.host() != null) { sql.append(" AND host = ?"); args.add(q.host()); }
        if (q.status() != null) { sql.append(" AND status = ?"); args.add(q.status().wire()); }
        if (q.from() != null) { sql.append(" AND event_time >= ?"); args.add(Timestamp.from(q.from())); }
        if (q.to() != null) { sql.append(" AND event_time < ?"); args.add(Timestamp.from(q.to())); }
        if (q.minLevel() != null) {
            sql.append(" AND level IN (").append(levelsAtLeast(q.minLevel())).append(")");
        }
        sql.append(" ORDER BY event_time DESC, id LIMIT ").append(q.limit());
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            List<Alert> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read alerts: " + e.getMessage(), e);
        }
    }

    public Optional<Alert> get(String id) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alerts WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read alert " + id + ": " + e.getMessage(), e);
        }
    }

    /** Changes an alert's triage status; false when no such alert exists. */
    public boolean setStatus(String id, AlertStatus status, String by) {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE alerts SET status = ?, status_by = ?, status_at = ? WHERE id = ?")) {
            ps.setString(1, status.wire());
            ps.setString(2, by);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setString(4, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not update alert " + id + ": " + e.getMessage(), e);
        }
    }

    public long count() {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM alerts");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Alert read(ResultSet rs) throws SQLException {
        return new Alert(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                parse(rs.getString(5), new TypeReference<List<String>>() {}), parse(rs.getString(6), new TypeReference<List<String>>() {}),
                rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(),
                AlertStatus.parse(rs.getString(11)), parse(rs.getString(12), new TypeReference<Map<String, Object>>() {}));
    }

    private static String levelsAtLeast(String level) {
        List<String> order = List.of("informational", "low", "medium", "high", "critical");
        int from = order.indexOf(level);
        if (from < 0) throw new IllegalArgumentException("unknown level '" + level + "'; expected one of " + order);
        return String.join(",", order.subList(from, order.size()).stream().map(l -> "'" + l + "'").toList());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T parse(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
