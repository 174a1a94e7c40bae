package io.vigil.robust;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detect.rule.LoadedRules;
import io.vigil.detect.rule.RuleLoader;
import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.ingest.bulk.BulkRequestParser;
import io.vigil.ingest.syslog.SyslogFramer;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.EventParser;
import io.vigil.parse.ParserConfig;
import io.vigil.search.QueryParser;
import io.vigil.search.SearchException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Random, truncated, bit-flipped, huge and deeply nested inputs against every parser that reads what an attacker
 * controls: syslog framing, the {@code _bulk} parser, every decoder ({@link DefaultEventParser#standard}), the search
 * language and the Sigma loader. Each input must be accepted or rejected with a clear error (a declared exception
 * with a message, or a problem value), within {@value #MILLIS_PER_INPUT} ms, and never with anything else (no
 * NullPointerException, no StackOverflowError, no OutOfMemoryError). Seeded: {@code -Dvigil.seed=N} replays;
 * {@code -Dvigil.fuzz.inputs=N} sets inputs per target for the long run.
 */
class HostileInputFuzzTest {
    private static final long SEED = Long.getLong("vigil.seed", System.nanoTime());
    private static final long MILLIS_PER_INPUT = 5_000; // 4 MiB inputs on a busy shared 2-core machine
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("fuzz-worker").daemon().factory());

    @AfterAll
    static void stopWorker() {
        WORKER.shutdownNow();
    }

    @Test
    void fewThousandHostileInputsPerTargetAreAcceptedOrRejectedClearly() throws Exception {
        fuzzAll(2_000);
    }

    @Test
    @Tag("slow")
    void millionsOfHostileInputsAreAcceptedOrRejectedClearly() throws Exception {
        fuzzAll(Long.getLong("vigil.fuzz.inputs", 2_000_000));
    }

    private void fuzzAll(long perTarget) throws Exception {
        System.out.println("HostileInputFuzzTest seed " + SEED + " (replay with -Dvigil.seed=" + SEED + "), "
                + perTarget + " inputs per target");
        for (Target target : targets()) {
            HostileInputs inputs = new HostileInputs(SEED ^ target.name().hashCode(), target.seeds());
            long start = System.nanoTime(), rejected = 0, maxNanos = 0;
            for (long i = 0; i < perTarget; i += 1000) {
                Chunk chunk = runChunk(target, inputs, (int) Math.min(1000, perTarget - i));
                rejected += chunk.rejected;
                maxNanos = Math.max(maxNanos, chunk.maxNanos);
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf("fuzz %-8s %,d inputs, %,d rejected with a clear error, slowest %d ms, %.1f s, heap now %d MiB%n",
                    target.name(), perTarget, rejected, maxNanos / 1_000_000, (System.nanoTime() - start) / 1e9,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    private record Chunk(long rejected, long maxNanos) {}

    /** Runs inputs on the worker thread; a hang is reported with the input that caused it. */
    private static Chunk runChunk(Target target, HostileInputs inputs, int count) throws Exception {
        byte[][] current = new byte[1][];
        Future<Chunk> done = WORKER.submit(() -> {
            long rejected = 0, maxNanos = 0;
            for (int n = 0; n < count; n++) {
                byte[] input = inputs.next();
                current[0] = input;
                long t0 = System.nanoTime();
                if (!target.accepts(input)) rejected++;
                long took = System.nanoTime() - t0;
                maxNanos = Math.max(maxNanos, took);
                if (took > MILLIS_PER_INPUT * 1_000_000) {
                    throw new AssertionError(target.name() + " took " + took / 1_000_000 + " ms on " + describe(input)
                            + " (seed " + SEED + ")");
                }
            }
            return new Chunk(rejected, maxNanos);
        });
        try {
            return done.get(count * MILLIS_PER_INPUT + 60_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException hang) {
            throw new AssertionError(target.name() + " hangs on " + describe(current[0]) + " (seed " + SEED + ")");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(target.name() + " failed on " + describe(current[0]) + " (seed " + SEED + "): " + e.getCause(),
                    e.getCause());
        }
    }

    private static String describe(byte[] input) {
        String text = new String(input, 0, Math.min(200, input.length), StandardCharsets.UTF_8);
        return input.length + " bytes starting " + text.replace("\n", "\\n");
    }

    /** One parser under attack: {@code accepts} returns false for a clear rejection and throws for anything else. */
    private interface Target {
        String name();

        List<String> seeds();

        boolean accepts(byte[] input) throws Exception;
    }

    private static List<Target> targets() {
        EventParser decoders = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());
        BulkRequestParser bulk = BulkRequestParser.withRandomIds();
        RuleLoader rules = new RuleLoader();
        return List.of(
                target("syslog", HostileSeeds.SYSLOG, input -> {
                    SyslogFramer framer = new SyslogFramer(64 * 1024);
                    List<Integer> sizes = new ArrayList<>();
                    SyslogFramer.MessageSink sink = (message, truncated) -> sizes.add(message.length);
                    framer.feed(input, 0, input.length, sink);
                    assertThat(framer.bufferedBytes()).as("framer buffer bounded").isLessThanOrEqualTo(64 * 1024 + 16);
                    framer.endOfStream(sink);
                    assertThat(sizes).allMatch(s -> s <= 64 * 1024);
                    return true;
                }),
                target("bulk", HostileSeeds.BULK, input -> {
                    try {
                        bulk.parse(new ByteArrayInputStream(input), null);
                        return true;
                    } catch (IOException | IllegalArgumentException e) {
                        assertThat(e.getMessage()).as("a rejection says why").isNotBlank();
                        return false;
                    }
                }),
                target("decoders", HostileSeeds.DECODERS, input -> {
                    List<byte[]> lines = List.of(input);
                    List<StoredEvent> events = decoders.parse(new RawBatch("syslog-tcp", "fuzz", "127.0.0.1",
                            System.currentTimeMillis(), lines), 1);
                    assertThat(events).as("unparseable is a value: one event per line").hasSize(1);
                    return true;
                }),
                target("query", HostileSeeds.QUERIES, input -> {
                    try {
                        QueryParser.parse(new String(input, StandardCharsets.UTF_8));
                        return true;
                    } catch (SearchException e) {
                        assertThat(e.getMessage()).isNotBlank();
                        return false;
                    }
                }),
                target("sigma", HostileSeeds.SIGMA, input -> {
                    LoadedRules loaded = rules.loadText(Map.of(Path.of("fuzz.yml"), new String(input, StandardCharsets.UTF_8)));
                    loaded.problems().forEach(p -> assertThat(p.toString()).isNotBlank());
                    return loaded.problems().isEmpty();
                }));
    }

    private interface Body {
        boolean accepts(byte[] input) throws Exception;
    }

    private static Target target(String name, List<String> seeds, Body body) {
        return new Target() {
            @Override public String name() { return name; }
            @Override public List<String> seeds() { return seeds; }
            @Override public boolean accepts(byte[] input) throws Exception { return body.accepts(input); }
        };
    }
}
