package io.vigil.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers: read everything back, list segment files, make payloads. */
final class JournalFiles {
    private JournalFiles() {}

    static List<JournalReader.Record> readAll(Journal journal) throws IOException {
        return readFrom(journal, journal.startPosition());
    }

    static List<JournalReader.Record> readFrom(Journal journal, long position) throws IOException {
        List<JournalReader.Record> records = new ArrayList<>();
        try (JournalReader reader = journal.reader(position)) {
            for (JournalReader.Record r = reader.next(); r != null; r = reader.next()) records.add(r);
        }
        return records;
    }

    static List<String> texts(List<JournalReader.Record> records) {
        return records.stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".seg")).sorted().toList();
        }
    }

    static Path lastSegment(Path dir) throws IOException {
        List<Path> all = segments(dir);
        return all.get(all.size() - 1);
    }
}
