package io.vigil.detect.pack;

import io.vigil.detect.BuiltinRules;
import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.EventParser;
import io.vigil.parse.ParserConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test events of the pack: {@code src/test/resources/rules-tests/<rule-file-stem>/} holds
 * {@code positive.*} and {@code negative.*} files (or {@code positive/} and {@code negative/} folders of
 * them), one raw record per line (Windows JSON in any shape the parser reads, or syslog lines), read through
 * the real parser so the Windows normalization is exercised.
 */
final class PackEvents {
    static final Path ROOT = Path.of("src/test/resources/rules-tests");
    /** Syslog lines carry no year; the parser takes it from this clock (the test events are of March 2026). */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    private PackEvents() {}

    /** One rule file of the pack: its path in the index, its stem and the id of its first (primary) document. */
    record RuleFile(String indexPath, String stem, String primaryId) {
        @Override
        public String toString() {
            return stem;
        }
    }

    static List<RuleFile> ruleFiles() {
        List<RuleFile> out = new ArrayList<>();
        for (String path : BuiltinRules.index()) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            String stem = name.substring(0, name.lastIndexOf('.'));
            out.add(new RuleFile(path, stem, primaryId(Path.of("src/main/resources/rules", path))));
        }
        return out;
    }

    private static String primaryId(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("id:")).findFirst()
                    .map(l -> l.substring(3).trim())
                    .orElseThrow(() -> new AssertionError(file + " has no top-level id"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parsed events of every {@code kind} ("positive" or "negative") file of the stem, in file order. */
    static List<Event> events(String stem, String kind) throws IOException {
        List<Path> files = files(ROOT.resolve(stem), kind);
        if (files.isEmpty()) throw new AssertionError("no " + kind + " test events for rule file " + stem + " under " + ROOT);
        EventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, CLOCK);
        List<Event> out = new ArrayList<>();
        long position = 0;
        for (Path f : files) {
            List<byte[]> lines = Files.readAllLines(f).stream().filter(l -> !l.isBlank())
                    .map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
            for (StoredEvent e : parser.parse(new RawBatch("rules-tests", "", "", CLOCK.millis(), lines), position++)) {
                out.add(e.event());
            }
        }
        return out;
    }

    private static List<Path> files(Path dir, String kind) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        Path folder = dir.resolve(kind);
        try (Stream<Path> s = Files.isDirectory(folder) ? Files.list(folder) : Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> Files.isDirectory(folder) || p.getFileName().toString().startsWith(kind + "."))
                    .sorted().toList();
        }
    }
}
