package io.vigil.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaDatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void appliesClasspathMigrationsOnceAndRecordsThem() throws Exception {
        try (MetaDatabase db = MetaDatabase.open(dataDir)) {
            assertThat(db.appliedAtOpen()).containsExactly(1, 2, 3);
        }
        try (MetaDatabase db = MetaDatabase.open(dataDir); Connection c = db.connect();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, description, checksum FROM schema_version ORDER BY version")) {
            assertThat(db.appliedAtOpen()).isEmpty();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("accounts");
            assertThat(rs.getString(3)).hasSize(64);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(3);
            assertThat(rs.getString(2)).isEqualTo("login_lockouts");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void appliesOnlyNewMigrationsOnLaterStart() throws Exception {
        Migration first = new Migration(1, "one", "CREATE TABLE a (x INT);\nINSERT INTO a VALUES (1);");
        try (MetaDatabase db = MetaDatabase.open(dataDir, List.of(first))) {
            assertThat(db.appliedAtOpen()).containsExactly(1);
        }
        Migration second = new Migration(2, "two", "INSERT INTO a VALUES (2);");
        try (MetaDatabase db = MetaDatabase.open(dataDir, List.of(first, second)); Connection c = db.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM a")) {
            assertThat(db.appliedAtOpen()).containsExactly(2);
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void refusesToStartWhenAnAppliedMigrationChanged() {
        MetaDatabase.open(dataDir, List.of(new Migration(1, "one", "CREATE TABLE a (x INT);"))).close();
        List<Migration> edited = List.of(new Migration(1, "one", "CREATE TABLE a (x BIGINT);"));
        assertThatThrownBy(() -> MetaDatabase.open(dataDir, edited))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V1__one.sql")
                .hasMessageContaining("has changed");
    }

    @Test
    void refusesToStartOnDatabaseFromNewerVersion() {
        Migration first = new Migration(1, "one", "CREATE TABLE a (x INT);");
        MetaDatabase.open(dataDir, List.of(first, new Migration(2, "two", "CREATE TABLE b (x INT);"))).close();
        assertThatThrownBy(() -> MetaDatabase.open(dataDir, List.of(first)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V2");
    }

    @Test
    void rejectsGapsInMigrationNumbers() {
        List<Migration> gap = List.of(new Migration(1, "one", "SELECT 1;"), new Migration(3, "three", "SELECT 1;"));
        assertThatThrownBy(() -> MetaDatabase.open(dataDir, gap)).hasMessageContaining("V3__three.sql");
    }

    @Test
    void failedMigrationIsNotRecordedAndNamed() throws Exception {
        List<Migration> broken = List.of(new Migration(1, "broken", "CREATE TABLE a (x INT);\nINSERT INTO nowhere VALUES (1);"));
        assertThatThrownBy(() -> MetaDatabase.open(dataDir, broken)).hasMessageContaining("V1__broken.sql");
    }

    @Test
    void databaseFilesAreOwnerOnly() throws Exception {
        MetaDatabase.open(dataDir).close();
        Path meta = dataDir.resolve("meta");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(meta))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(meta)) {
            List<Path> all = files.toList();
            assertThat(all).isNotEmpty();
            for (Path file : all) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .as(file.toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void parsesMigrationFileNames() {
        Migration m = Migration.fromFile("V12__add_rules.sql", "SELECT 1;");
        assertThat(m.version()).isEqualTo(12);
        assertThat(m.description()).isEqualTo("add_rules");
        assertThatThrownBy(() -> Migration.fromFile("12_rules.sql", "")).hasMessageContaining("V<number>__");
    }

    @Test
    void splitsScriptsIntoStatementsSkippingComments() {
        assertThat(SchemaMigrator.statements("-- c\nCREATE TABLE a (\n x INT);\nINSERT INTO a VALUES (1);\n"))
                .containsExactly("CREATE TABLE a (\n x INT)", "INSERT INTO a VALUES (1)");
    }
}
