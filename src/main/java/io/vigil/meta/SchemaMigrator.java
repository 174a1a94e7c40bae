package io.vigil.meta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings a database up to the newest migration and refuses to start on a database whose history does not
 * match the scripts: an applied script that changed (checksum), or one that is gone (a newer database).
 *
 * <p>Each script runs in its own transaction together with its {@code schema_version} row. Note that H2
 * commits DDL statements implicitly, so a script that fails half-way may leave part of its DDL behind; the
 * version row is then absent and the next start tries the script again and fails naming it, which is the
 * signal to repair by hand. Statements in a script end with {@code ;} at the end of a line.
 */
final class SchemaMigrator {
    private static final String CREATE_VERSION_TABLE = """
            CREATE TABLE IF NOT EXISTS schema_version (
              version INT PRIMARY KEY,
              description VARCHAR(200) NOT NULL,
              checksum CHAR(64) NOT NULL,
              applied_at TIMESTAMP WITH TIME ZONE NOT NULL)""";

    private SchemaMigrator() {
    }

    /** Verifies the applied history and applies what is missing; returns the versions applied now. */
    static List<Integer> migrate(Connection connection, List<Migration> migrations) throws SQLException {
        checkSequence(migrations);
        try (Statement st = connection.createStatement()) {
            st.execute(CREATE_VERSION_TABLE);
        }
        Map<Integer, String> applied = appliedChecksums(connection);
        verifyHistory(applied, migrations);
        List<Integer> appliedNow = new ArrayList<>();
        for (Migration migration : migrations) {
            if (!applied.containsKey(migration.version())) {
                apply(connection, migration);
                appliedNow.add(migration.version());
            }
        }
        return appliedNow;
    }

    private static void checkSequence(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalStateException("migrations must be numbered 1, 2, 3... without gaps; found "
                        + migrations.get(i).scriptName() + " at position " + (i + 1));
            }
        }
    }

    private static Map<Integer, String> appliedChecksums(Connection connection) throws SQLException {
        Map<Integer, String> applied = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, checksum FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    private static void verifyHistory(Map<Integer, String> applied, List<Migration> migrations) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Integer, String> entry : applied.entrySet()) {
            int version = entry.getKey();
            if (version > migrations.size()) {
                problems.add("the database has migration V" + version + " applied but this Vigil does not know it"
                        + " (the database was written by a newer version; upgrade Vigil)");
                continue;
            }
            Migration migration = migrations.get(version - 1);
            if (!migration.checksum().equals(entry.getValue())) {
                problems.add("applied migration " + migration.scriptName() + " has changed since it was applied"
                        + " (checksum actual " + migration.checksum() + " vs recorded " + entry.getValue()
                        + "); never edit an applied migration, add a new one");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("metadata schema check failed: " + String.join("; ", problems));
        }
    }

    private static void apply(Connection connection, Migration migration) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            for (String statement : statements(migration.sql())) {
                st.execute(statement);
            }
            recordApplied(connection, migration);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("migration " + migration.scriptName() + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void recordApplied(Connection connection, Migration migration) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
            ps.setInt(1, migration.version());
            ps.setString(2, migration.description());
            ps.setString(3, migration.checksum());
            ps.setObject(4, Instant.now().atOffset(java.time.ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                addStatement(statements, current);
            }
        }
        addStatement(statements, current);
        return statements;
    }

    private static void addStatement(List<String> statements, StringBuilder current) {
        String text = current.toString().strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (!text.isEmpty()) {
            statements.add(text);
        }
        current.setLength(0);
    }
}
