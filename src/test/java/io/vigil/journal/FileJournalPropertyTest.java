package io.vigil.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Properties of the journal over generated payload sequences (jqwik prints the seed of a failing run;
 * rerun it with {@code @Property(seed = "...")}).
 */
class FileJournalPropertyTest {
    private static final long SEGMENT_BYTES = 4096;

    /** A payload described by its size and a seed, so large payloads cost nothing to shrink. */
    record PayloadSpec(int size, long seed) {
        byte[] bytes() {
            byte[] b = new byte[size];
            new Random(seed).nextBytes(b);
            return b;
        }
    }

    @Provide
    Arbitrary<List<PayloadSpec>> payloads() {
        Arbitrary<Integer> sizes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(10, Arbitraries.integers().between(1, 300)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(3000, 200_000)));
        Arbitrary<PayloadSpec> one = Combinators.combine(sizes, Arbitraries.longs()).as(PayloadSpec::new);
        return one.list().ofMaxSize(40);
    }

    @Property(tries = 40)
    void anySequenceOfPayloadsRoundTripsInOrder(@ForAll("payloads") List<PayloadSpec> specs) throws Exception {
        Path dir = Files.createTempDirectory("journal-prop");
        try {
            List<byte[]> written = write(dir, specs);
            try (FileJournal journal = open(dir)) {
                assertSamePayloads(JournalFiles.readAll(journal), written, written.size());
            }
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 40)
    void truncatingTheLastSegmentAnywhereLeavesExactlyAPrefix(@ForAll("payloads") List<PayloadSpec> specs,
                                                               @ForAll @DoubleRange(min = 0, max = 1) double cutFraction)
            throws Exception {
        Path dir = Files.createTempDirectory("journal-prop");
        try {
            List<byte[]> written = write(dir, specs);
            List<Long> ends;
            try (FileJournal journal = open(dir)) {
                ends = JournalFiles.readAll(journal).stream().map(JournalReader.Record::next).toList();
            }
            Path last = JournalFiles.lastSegment(dir);
            long lastBase = SegmentFormat.baseOf(last.getFileName().toString());
            long cut = Math.round(Files.size(last) * cutFraction);
            try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
                channel.truncate(cut);
            }
            int survivors = (int) ends.stream().filter(end -> end <= lastBase + cut).count();

            try (FileJournal journal = open(dir)) {
                assertSamePayloads(JournalFiles.readAll(journal), written, survivors);
                long next = journal.append(new byte[] {42}).get();
                List<JournalReader.Record> after = JournalFiles.readAll(journal);
                assertThat(after).hasSize(survivors + 1).last().extracting(JournalReader.Record::position).isEqualTo(next);
            }
        } finally {
            delete(dir);
        }
    }

    private static List<byte[]> write(Path dir, List<PayloadSpec> specs) throws Exception {
        List<byte[]> written = new ArrayList<>();
        try (FileJournal journal = open(dir)) {
            List<java.util.concurrent.CompletableFuture<Long>> futures = new ArrayList<>();
            for (PayloadSpec spec : specs) {
                byte[] payload = spec.bytes();
                written.add(payload);
                futures.add(journal.append(payload));
            }
            for (var f : futures) f.get();
        }
        return written;
    }

    private static void assertSamePayloads(List<JournalReader.Record> read, List<byte[]> written, int count) {
        assertThat(read).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(read.get(i).payload()).as("record %d", i).isEqualTo(written.get(i));
        }
    }

    private static FileJournal open(Path dir) throws IOException {
        return FileJournal.open(new FileJournal.Options(dir, SEGMENT_BYTES, 256L << 20));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
