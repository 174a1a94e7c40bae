package io.vigil.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuditLogTest {
    @TempDir
    Path data;

    private Path writeFive() {
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        try (FileAuditLog log = FileAuditLog.open(data, Clock.fixed(start, ZoneOffset.UTC))) {
            log.record("admin", "auth.login", "", Map.of("address", "127.0.0.1"));
            log.record("admin", "user.create", "bob", Map.of("role", "viewer"));
            log.record("bob", "search", "", Map.of("query", "user.name:\"x\" AND \"quoted\"\n"));
            log.record("anonymous", "auth.login.failed", "mallory", Map.of("address", "203.0.113.9"));
            log.record("admin", "token.revoke", "0123456789abcdef", null);
        }
        return FileAuditLog.fileIn(data);
    }

    @Test
    void intactLogVerifiesAndSurvivesReopen() throws Exception {
        Path file = writeFive();
        try (FileAuditLog log = FileAuditLog.open(data, Clock.systemUTC())) {
            assertThat(log.record("admin", "setting.change", "auth.lockout_failures", Map.of()).seq()).isEqualTo(6);
        }
        AuditVerification v = AuditVerifier.verify(file);
        assertThat(v.intact()).as(v.describe()).isTrue();
        assertThat(v.records()).isEqualTo(6);
        assertThat(v.headHash()).hasSize(64).isNotEqualTo(AuditChain.GENESIS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void editedRecordIsNamed() throws Exception {
        Path file = writeFive();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replace("\"actor\":\"bob\"", "\"actor\":\"eve\""));
        Files.write(file, lines);
        AuditVerification v = AuditVerifier.verify(file);
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenLine()).isEqualTo(3);
        assertThat(v.problem()).contains("seq 3 was edited");
        assertThat(v.records()).isEqualTo(2);
    }

    @Test
    void deletedRecordIsNamed() throws Exception {
        Path file = writeFive();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(1);
        Files.write(file, lines);
        AuditVerification v = AuditVerifier.verify(file);
        assertThat(v.brokenLine()).isEqualTo(2);
        assertThat(v.problem()).contains("seq 3 found where seq 2 was expected").contains("deleted");
    }

    @Test
    void reorderedRecordsAreNamed() throws Exception {
        Path file = writeFive();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        Collections.swap(lines, 3, 4);
        Files.write(file, lines);
        AuditVerification v = AuditVerifier.verify(file);
        assertThat(v.brokenLine()).isEqualTo(4);
        assertThat(v.problem()).contains("seq 5 found where seq 4 was expected");
    }

    @Test
    void editThatRecomputesItsOwnHashStillBreaksTheNextLink() throws Exception {
        Path file = writeFive();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        AuditRecord original = AuditChain.fromLine(lines.get(1));
        AuditRecord forged = AuditChain.next(2, original.time(), "admin", "user.create", "eve", original.details(),
                original.prevHash());
        lines.set(1, AuditChain.toLine(forged));
        Files.write(file, lines);
        AuditVerification v = AuditVerifier.verify(file);
        assertThat(v.brokenLine()).isEqualTo(3);
        assertThat(v.problem()).contains("links to prev");
    }

    @Test
    void tornLastLineIsSetAsideAndTheChainContinues() throws Exception {
        Path file = writeFive();
        Files.writeString(file, "{\"v\":1,\"seq\":6,\"ti", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (FileAuditLog log = FileAuditLog.open(data, Clock.systemUTC())) {
            assertThat(log.record("admin", "auth.logout", "", Map.of()).seq()).isEqualTo(6);
        }
        assertThat(AuditVerifier.verify(file).intact()).isTrue();
        assertThat(Files.readString(file.resolveSibling("audit.jsonl.torn"))).startsWith("{\"v\":1,\"seq\":6");
    }

    @Test
    void searchFiltersByActorActionPrefixAndTimeNewestFirst() {
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        Clock[] clock = {Clock.fixed(t0, ZoneOffset.UTC)};
        try (FileAuditLog log = FileAuditLog.open(data, new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return clock[0].instant(); }
        })) {
            for (int i = 0; i < 6; i++) {
                clock[0] = Clock.fixed(t0.plus(Duration.ofMinutes(i)), ZoneOffset.UTC);
                log.record(i % 2 == 0 ? "ana" : "bob", i < 3 ? "auth.login" : "auth.login.failed", "", Map.of());
            }
            assertThat(log.search(new AuditQuery("ana", null, null, null, 100))).extracting(AuditRecord::seq)
                    .containsExactly(5L, 3L, 1L);
            assertThat(log.search(new AuditQuery(null, "auth.login.failed", null, null, 100))).hasSize(3);
            assertThat(log.search(new AuditQuery(null, "auth", null, null, 100))).hasSize(6);
            assertThat(log.search(new AuditQuery(null, "auth.log", null, null, 100))).isEmpty();
            assertThat(log.search(new AuditQuery(null, null, t0.plus(Duration.ofMinutes(2)),
                    t0.plus(Duration.ofMinutes(4)), 100))).extracting(AuditRecord::seq).containsExactly(4L, 3L);
            assertThat(log.search(AuditQuery.all(2))).extracting(AuditRecord::seq).containsExactly(6L, 5L);
        }
    }
}
