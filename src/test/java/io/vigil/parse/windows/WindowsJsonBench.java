package io.vigil.parse.windows;

import com.sun.management.ThreadMXBean;
import io.vigil.event.RawBatch;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import io.vigil.parse.json.FlattenLimits;
import io.vigil.parse.json.JsonDecoder;
import io.vigil.parse.json.JsonFlattener;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Thread CPU and allocated bytes per event of each step of Windows JSON parsing (flatten; flatten + Windows
 * normalization; the whole parse stage), after warm-up rounds. The "(jackson)" rows read every document with
 * {@link JsonFlattener#jacksonOnly} — the path before the fast reader, and its reference — so the fast reader's
 * gain is measured in the same JVM run.
 *
 * <pre>java -cp ... io.vigil.parse.windows.WindowsJsonBench NDJSON [EVENTS] [ROUNDS]</pre>
 * With {@code -Donly=before} (Jackson-only flattening) or {@code -Donly=after} (fast reader first), times only
 * that path (flatten + Windows normalization), round by round from a cold JVM.
 */
public final class WindowsJsonBench {
    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<byte[]> lines = new ArrayList<>();
        try (var r = Files.newBufferedReader(input)) {
            for (String l; (l = r.readLine()) != null && lines.size() < max; ) lines.add(l.getBytes(StandardCharsets.UTF_8));
        }
        JsonFlattener flattener = new JsonFlattener();
        JsonDecoder decoder = new JsonDecoder(flattener, List.of(new WindowsJsonNormalizer(flattener)));
        JsonFlattener jackson = JsonFlattener.jacksonOnly(FlattenLimits.DEFAULT);
        JsonDecoder jacksonDecoder = new JsonDecoder(jackson, List.of(new WindowsJsonNormalizer(jackson)));
        DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());
        List<RawBatch> batches = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 1000) {
            batches.add(new RawBatch("bulk", "bench", "127.0.0.1", 1_700_000_000_000L, lines.subList(i, Math.min(lines.size(), i + 1000))));
        }
        byte[] bulkBody = Files.readAllBytes(Path.of(input.getParent().toString(), "bulk", "bulk-00001.ndjson"));
        int bulkDocs = io.vigil.ingest.bulk.BulkRequestParser.withRandomIds()
                .parse(new java.io.ByteArrayInputStream(bulkBody), "bench").size();
        String only = System.getProperty("only", "");
        if (!only.isEmpty()) { // one path in a fresh JVM: the cold cost an anchor-sized run pays while the JIT warms up
            if (!only.equals("before") && !only.equals("after")) {
                throw new IllegalArgumentException("-Donly is before (Jackson-only flattening) or after (fast reader first), not " + only);
            }
            JsonDecoder path = only.equals("before") ? jacksonDecoder : decoder;
            for (int round = 0; round < rounds; round++) {
                measure(only + " cold round " + (round + 1), lines.size(), true, () -> lines.forEach(path::decode));
            }
            return;
        }
        List<java.util.Map<String, Object>> flats = new ArrayList<>();
        for (byte[] l : lines) flats.add(flattener.flatten(l));
        WindowsJsonNormalizer windows = new WindowsJsonNormalizer(flattener);
        for (int round = 0; round < rounds; round++) {
            measure("windows only", lines.size(), round == rounds - 1, () -> flats.forEach(windows::normalize));
            boolean last = round == rounds - 1;
            measure("_bulk body parse", bulkDocs * 5, last, () -> {
                for (int i = 0; i < 5; i++) {
                    try {
                        io.vigil.ingest.bulk.BulkRequestParser.withRandomIds().parse(new java.io.ByteArrayInputStream(bulkBody), "bench");
                    } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                }
            });
            measure("flatten (jackson)", lines.size(), last, () -> lines.forEach(l -> {
                try { jackson.flatten(l); } catch (Exception e) { throw new IllegalStateException(e); }
            }));
            measure("json decode + windows (jackson)", lines.size(), last, () -> lines.forEach(jacksonDecoder::decode));
            measure("flatten", lines.size(), last, () -> lines.forEach(l -> {
                try { flattener.flatten(l); } catch (Exception e) { throw new IllegalStateException(e); }
            }));
            measure("json decode + windows", lines.size(), last, () -> lines.forEach(decoder::decode));
            measure("parse stage", lines.size(), last, () -> batches.forEach(b -> parser.parse(b, 1)));
        }
    }

    private static void measure(String name, int events, boolean print, Runnable work) {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long bytes0 = mx.getThreadAllocatedBytes(id);
        work.run();
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        long bytes = mx.getThreadAllocatedBytes(id) - bytes0;
        if (print) {
            System.out.printf(Locale.ROOT, "%-32s %6.2f us/event %8.0f B/event%n", name, cpu / 1e3 / events, (double) bytes / events);
        }
    }
}
