package io.vigil.server.cli;

import io.vigil.detect.BuiltinRules;
import io.vigil.detect.Detection;
import io.vigil.detect.Detector;
import io.vigil.detect.RuleSet;
import io.vigil.detect.rule.LoadedRules;
import io.vigil.detect.rule.RuleLoader;
import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.ingest.file.EventFileReader;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.EventParser;
import io.vigil.parse.ParserConfig;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil hunt}: runs the detection engine (rules and correlations) over files offline, as Chainsaw
 * and Hayabusa do. Each event is normalized by the standard parser; correlations span all the files, in
 * the order given. Detections go to stdout (or {@code --output}); counts and the progress bar to stderr.
 */
@Command(name = "hunt", mixinStandardHelpOptions = true,
        description = {"Runs Sigma rules and correlations over event files (NDJSON, JSON arrays, evtx_dump output,",
                "syslog or other text) and prints the detections."})
public final class HuntCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "DIR", description = "A Sigma rule file or folder (repeat for more).")
    List<Path> ruleDirs = new ArrayList<>();

    @Option(names = "--no-builtin", description = "Leave Vigil's own rules out.")
    boolean noBuiltin;

    @Option(names = "--format", defaultValue = "table", description = "jsonl, csv or table (default: ${DEFAULT-VALUE}).")
    HuntOutput.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write detections to FILE instead of stdout.")
    Path output;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Event files to hunt through.")
    List<Path> files;

    private final List<Long> fileStarts = new ArrayList<>();
    private long sequence;

    @Override
    public Integer call() throws IOException {
        RuleSet rules = loadRules();
        if (rules.size() == 0) {
            System.err.println("vigil hunt: no rules to run; give --rules DIR or drop --no-builtin");
            return 2;
        }
        EventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());
        Detector detector = new Detector(rules);
        Progress progress = new Progress(System.console() != null);
        long detections = 0;
        try (PrintWriter out = writer()) {
            HuntOutput writer = new HuntOutput(format, out);
            for (Path file : files) {
                fileStarts.add(sequence);
                try (EventFileReader reader = new EventFileReader(file)) {
                    for (byte[] raw; (raw = reader.next()) != null; ) {
                        Event event = parser.parse(new RawBatch("hunt", "", "", System.currentTimeMillis(), List.of(raw)), sequence++)
                                .get(0).event();
                        for (Detection d : detector.detect(List.of(event))) {
                            writer.write(d, d.eventIds().stream().map(this::locate).toList());
                            detections++;
                        }
                        progress.tick(file, reader.count(), detections);
                    }
                }
            }
        }
        progress.done();
        System.err.printf("hunted %d events in %d file(s) with %d rules and %d correlations: %d detections%n",
                sequence, files.size(), rules.size(), rules.correlationSet().correlations().size(), detections);
        return 0;
    }

    private RuleSet loadRules() {
        LoadedRules loaded = noBuiltin ? new RuleLoader().load(List.of()) : BuiltinRules.load();
        if (!ruleDirs.isEmpty()) loaded = loaded.plus(new RuleLoader().load(ruleDirs));
        RuleSet.Compiled compiled = RuleSet.compile(loaded, Map.of());
        if (!compiled.problems().isEmpty()) {
            System.err.printf("vigil hunt: %d rule(s) rejected (see `vigil rules check DIR`)%n", compiled.problems().size());
        }
        return compiled.ruleSet();
    }

    /** File and index of an event from its id (the id encodes the hunt's running sequence number). */
    private HuntOutput.Location locate(String eventId) {
        int dash = eventId.indexOf('-');
        long seq = Long.parseLong(dash < 0 ? eventId : eventId.substring(0, dash), 36);
        int i = Arrays.binarySearch(fileStarts.stream().mapToLong(Long::longValue).toArray(), seq);
        int file = i >= 0 ? lastStartingAt(i) : -i - 2;
        return new HuntOutput.Location(files.get(file).toString(), seq - fileStarts.get(file));
    }

    /** Empty files share a start; the event belongs to the last of them. */
    private int lastStartingAt(int i) {
        while (i + 1 < fileStarts.size() && fileStarts.get(i + 1).equals(fileStarts.get(i))) i++;
        return i;
    }

    private PrintWriter writer() throws IOException {
        return output == null ? new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false) {
            @Override
            public void close() {
                flush(); // never close stdout
            }
        } : new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
    }

    /** A one-line progress display on stderr, only when a person watches a terminal. */
    private static final class Progress {
        private final boolean enabled;
        private long lastPrint;

        Progress(boolean enabled) {
            this.enabled = enabled;
        }

        void tick(Path file, long events, long detections) {
            if (!enabled) return;
            long now = System.nanoTime();
            if (now - lastPrint < 200_000_000L) return;
            lastPrint = now;
            System.err.printf("\r%s: %,d events, %,d detections   ", file.getFileName(), events, detections);
        }

        void done() {
            if (enabled) System.err.print("\r\033[K");
        }
    }
}
