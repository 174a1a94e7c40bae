package io.vigil.server.cli;

import io.vigil.detect.Detection;
import io.vigil.detect.Detector;
import io.vigil.detect.RuleSet;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil hunt}: runs the detection engine (rules and correlations) over files offline, as Chainsaw
 * and Hayabusa do. Each event is normalized by the standard parser; correlations span all the files, in
 * the order given. With {@code --url} or {@code --data} instead of files it is a retro-hunt over stored
 * history ({@link StoredHunt}). Detections go to stdout (or {@code --output}); counts and the progress bar
 * to stderr.
 */
@Command(name = "hunt", mixinStandardHelpOptions = true,
        description = {"Runs Sigma rules and correlations over event files (NDJSON, JSON arrays, evtx_dump output,",
                "syslog or other text) and prints the detections.",
                "Retro-hunt: with --url (a running Vigil) or --data (a stopped one's data directory) instead of files,",
                "runs them over every stored event from --from to --to, oldest first. The whole range is read,",
                "page by page, however many events it holds. On a server the rules are its active rule set",
                "(--no-builtin leaves it out) plus the files of every --rules DIR, sent along; offline they are",
                "Vigil's built-in rules plus --rules, as for files. Rows then carry the stored event's event_id and",
                "@timestamp instead of file and event."})
public final class HuntCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "DIR", description = "A Sigma rule file or folder (repeat for more).")
    List<Path> ruleDirs = new ArrayList<>();

    @Option(names = "--no-builtin", description = "Leave Vigil's own rules out.")
    boolean noBuiltin;

    @Option(names = "--format", defaultValue = "table", description = "jsonl, csv or table (default: ${DEFAULT-VALUE}).")
    HuntOutput.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write detections to FILE instead of stdout.")
    Path output;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Event files to hunt through.")
    List<Path> files = new ArrayList<>();

    @Mixin
    RemoteOptions target;

    @Option(names = "--from", paramLabel = "TIME", description = "Retro-hunt start: ISO-8601 or now-7d style (default: now-24h).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Retro-hunt end (default: now).")
    String to;

    @Option(names = "--rule-id", paramLabel = "ID", description = "Only this rule (repeat for more; a correlation needs its rules named too).")
    List<String> ruleIds = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final List<Long> fileStarts = new ArrayList<>();
    private long sequence;

    @Override
    public Integer call() throws Exception {
        boolean stored = target.url != null || target.data != null;
        if (stored == !files.isEmpty() || (target.url != null && target.data != null)) {
            throw new ParameterException(spec.commandLine(),
                    "Give event FILEs, or one of --url (a running server) or --data (offline) for a retro-hunt");
        }
        if (!stored && (from != null || to != null)) {
            throw new ParameterException(spec.commandLine(), "--from and --to are for retro-hunts (--url or --data)");
        }
        if (stored) return storedHunt();
        return fileHunt();
    }

    private int storedHunt() throws Exception {
        StoredHunt.Request request = new StoredHunt.Request(from == null ? "now-24h" : from, to == null ? "now" : to,
                ruleDirs, noBuiltin, ruleIds);
        try (PrintWriter out = writer()) {
            HuntOutput writer = new HuntOutput(format, out, true);
            return target.url != null ? StoredHunt.remote(target, request, writer) : StoredHunt.offline(target.data, request, writer);
        }
    }

    private int fileHunt() throws IOException {
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
        return StoredHunt.localRules(new StoredHunt.Request("", "", ruleDirs, noBuiltin, ruleIds));
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
