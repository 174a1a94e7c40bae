package io.vigil.detect;

import io.vigil.detect.rule.LoadedRules;
import io.vigil.detect.rule.RuleLoader;
import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.ingest.file.EventFileReader;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.EventParser;
import io.vigil.parse.ParserConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): the full SigmaHQ rule set (every {@code sigma/rules*} folder) over the OTRF
 * events normalized by the real parser. Reports rule-set load+compile time, the compiled set's heap, and
 * single-thread (per core: thread CPU time) events/s of the indexed path ({@link RuleSet#evaluate}) against
 * evaluating every routed rule ({@link RuleSet#evaluateEveryRule}) over the same compiled rules, after
 * checking that both find exactly the same rules on every event.
 * Run after {@code ./test -q -DskipTests}:
 * {@code java -Xmx2g -cp target/vigil.jar:target/test-classes io.vigil.detect.DetectBench /work/shared/data [rounds] [indexed]}
 * ({@code indexed} skips the slow naive loop, e.g. for profiling with {@code -XX:StartFlightRecording}).
 */
public final class DetectBench {

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Event> events = otrfEvents(data.resolve("windows/otrf"));
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        LoadedRules loaded = new RuleLoader().load(ruleDirs(data.resolve("sigma")));
        RuleSet rules = RuleSet.compile(loaded, Map.of()).ruleSet();
        double compileSeconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = usedHeap();
        System.out.printf("rules: %d compiled (%d prefiltered) from %d files in %.2f s; compiled set %.1f MiB of heap%n",
                rules.size(), rules.prefilteredRules(), loaded.files(), compileSeconds, (heapAfter - heapBefore) / 1048576.0);
        System.out.printf("events: %d OTRF events normalized by DefaultEventParser%n", events.size());
        boolean withNaive = args.length < 3 || !args[2].equals("indexed");
        if (withNaive) checkSameMatches(events, rules);
        else for (Event e : events) rules.evaluate(e);
        // Route plans and their literal automata are built on an event's first use: count them too.
        System.out.printf("compiled set with the plans these events use: %.1f MiB of heap%n", (usedHeap() - heapBefore) / 1048576.0);
        double fast = 0, naive = 0;
        for (int round = 0; round < rounds; round++) {
            fast = Math.max(fast, measure("indexed", events, rules::evaluate));
            // The naive loop takes ~20 s a round: two rounds (the second warmed up) are enough.
            if (withNaive && round >= rounds - 2) naive = Math.max(naive, measure("naive  ", events, rules::evaluateEveryRule));
        }
        System.out.printf("best: indexed %,.0f events/s/core, naive %,.0f events/s/core, speed-up %.1fx%n", fast, naive, fast / naive);
        if (rules.size() == 0) System.out.println("(no rules)");
    }

    private static List<Path> ruleDirs(Path sigma) throws IOException {
        try (Stream<Path> s = Files.list(sigma)) {
            return s.filter(p -> p.getFileName().toString().startsWith("rules")).sorted().toList();
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The benchmark is only honest if both paths find the same rules, in the same order, on every event. */
    private static void checkSameMatches(List<Event> events, RuleSet rules) {
        long matches = 0;
        for (Event e : events) {
            List<String> fast = rules.evaluate(e).stream().map(m -> m.rule().id()).toList();
            List<String> slow = rules.evaluateEveryRule(e).stream().map(m -> m.rule().id()).toList();
            if (!fast.equals(slow)) throw new AssertionError("indexed " + fast + " but naive " + slow + " on event " + e.id());
            matches += fast.size();
        }
        System.out.printf("check: indexed and naive evaluation agree on all %d events (%d matches, same rules in the same order)%n",
                events.size(), matches);
    }

    /** Events per second of CPU time of this thread: other processes on the machine do not count against it. */
    private static double measure(String name, List<Event> events, Function<Event, List<Match>> f) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = mx.getCurrentThreadCpuTime();
        long matches = 0;
        for (Event e : events) matches += f.apply(e).size();
        double s = (mx.getCurrentThreadCpuTime() - start) / 1e9;
        double rate = events.size() / s;
        System.out.printf("%s: %,.0f events/s (%d matches, %.2f s)%n", name, rate, matches, s);
        return rate;
    }

    /** Every event of every OTRF JSON file, through the file reader and the standard parser. */
    static List<Event> otrfEvents(Path dir) throws IOException {
        EventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());
        List<Event> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        long position = 0;
        for (Path f : files) {
            try (EventFileReader reader = new EventFileReader(f)) {
                for (byte[] raw; (raw = reader.next()) != null; ) {
                    out.add(parser.parse(new RawBatch("bench", "", "", 0L, List.of(raw)), position++).get(0).event());
                }
            }
        }
        return out;
    }
}
