package io.vigil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.generate.EventGenerator;
import io.vigil.generate.Templates;
import io.vigil.server.Vigil;
import io.vigil.server.config.VigilConfig;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syslog over TCP end to end into the store (issue 3): an in-process Vigil with a TCP syslog listener, N Linux
 * auth lines (RFC 3164, octet-counted) sent over C connections, timed until every line is parsed, indexed and
 * searchable ({@code _flush}, then a count).
 *
 * <pre>bench/syslog.sh [LINES=500000] [CONNECTIONS=2] [WARMUP_LINES=0]</pre>
 *
 * <p>With WARMUP_LINES, that many other lines are sent and processed first (not searched, so the store stays
 * search-idle as in the cold run) before the clock starts: the figure is then that of a server that has been
 * running (JIT-compiled, segments to merge), not of a cold JVM.
 *
 * <p>After the figure it prints the CPU seconds per thread group of the timed part ({@link ThreadCpu}); with
 * {@code -Dbench.jfr=FILE} (in {@code BENCH_JVM_FLAGS}) it also records that part with JFR's profile settings.
 */
public final class SyslogIngestBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Path templates = Path.of(System.getProperty("vigil.data", "../shared/data"));
        Templates t = (Files.isDirectory(templates) ? Templates.fromDataDir(templates) : Templates.builtin()).only("auth");
        long now = System.currentTimeMillis();
        // the generator spaces events at least 1 ms apart: the window must hold them all, in the past
        long span = Math.max(3_600_000L, 2L * Math.max(lines, warmup));
        byte[][] frames = frames(new EventGenerator(t, 7, now - span, now, lines), connections);
        long bytes = java.util.Arrays.stream(frames).mapToLong(f -> f.length).sum();
        Path dir = Files.createTempDirectory("vigil-syslog-bench");
        // -Dbench.store='{"ram_buffer_mb": 64}' tries other store settings (the figure uses the defaults)
        String store = System.getProperty("bench.store", "{}");
        VigilConfig config = VigilConfig.parse(JSON.readTree("{\"http\": {\"port\": 0}, \"syslog\": {\"tcp_port\": 0}, \"store\": "
                + store + "}"));
        try (Vigil vigil = Vigil.open(config, dir)) {
            vigil.bootstrapAdmin("syslog-bench-passphrase");
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(printed, true);
            vigil.listen(out).listenSyslog(out);
            Matcher m = Pattern.compile("Syslog TCP listening on 127\\.0\\.0\\.1:(\\d+)").matcher(printed.toString());
            if (!m.find()) throw new IllegalStateException(printed.toString());
            int port = Integer.parseInt(m.group(1));
            if (warmup > 0) {
                long w0 = System.nanoTime();
                // in chunks, so the warm-up's frames are not kept for the timed part (their heap would burden GC)
                for (int from = 0; from < warmup; from += 500_000) {
                    sendAll(port, frames(new EventGenerator(t, 8 + from, now - span, now, Math.min(500_000, warmup - from)),
                            connections));
                }
                // processed, but not searched: a search would make the store refresh every interval for 30 s
                // (search-active), which the cold run does not do either
                while (vigil.pipeline().eventsProcessed() < warmup) Thread.sleep(20);
                System.out.printf(Locale.ROOT, "warm-up: %,d other lines sent and processed in %.1f s; the clock starts now%n",
                        warmup, (System.nanoTime() - w0) / 1e9);
            }
            long processedBefore = vigil.pipeline().eventsProcessed();
            String jfr = System.getProperty("bench.jfr"); // a file: profile the timed part only
            jdk.jfr.Recording recording = jfr == null ? null : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            if (recording != null) {
                recording.enable("jdk.Compilation").withThreshold(java.time.Duration.ZERO); // every compilation, to see JIT churn
                recording.start();
            }
            ThreadCpu.Snapshot cpu0 = ThreadCpu.snapshot();
            long t0 = System.nanoTime();
            // when the pipeline had processed a quarter of the lines: the rate after it leaves the JVM's warm-up out
            long[] quarter = {0, 0};
            Thread watcher = Thread.ofPlatform().daemon().start(() -> {
                while (vigil.pipeline().eventsProcessed() - processedBefore < lines / 4) LockSupport.parkNanos(5_000_000);
                quarter[0] = System.nanoTime();
                quarter[1] = vigil.pipeline().eventsProcessed() - processedBefore;
            });
            sendAll(port, frames);
            long sent = System.nanoTime();
            awaitSearchable(vigil, warmup + lines, span);
            long done = System.nanoTime();
            watcher.join();
            ThreadCpu.Snapshot cpu1 = ThreadCpu.snapshot();
            if (recording != null) {
                recording.stop();
                recording.dump(Path.of(jfr));
                System.out.println("JFR recording of the timed part: " + jfr);
            }
            double secs = (done - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%,d syslog lines (%.1f MB, %d connections): written in %.1f s, all searchable in %.1f s"
                    + " => %.0f lines/s, %.1f MB/s end to end%n", lines, bytes / 1e6, connections, (sent - t0) / 1e9, secs,
                    lines / secs, bytes / 1e6 / secs);
            System.out.printf(Locale.ROOT, "after the first quarter (%,d lines processed at %.1f s): %.0f lines/s%n", quarter[1],
                    (quarter[0] - t0) / 1e9, (lines - quarter[1]) / ((done - quarter[0]) / 1e9));
            ThreadCpu.print(cpu0, cpu1, lines, 16);
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * The generated lines as octet-counted frames, one contiguous array per connection: millions of small arrays
     * would be live heap that the server's collector marks again and again during the timed part.
     */
    private static byte[][] frames(EventGenerator gen, int connections) throws java.io.IOException {
        ByteArrayOutputStream[] out = new ByteArrayOutputStream[connections];
        for (int c = 0; c < connections; c++) out[c] = new ByteArrayOutputStream(1 << 20);
        for (int i = 0; gen.hasNext(); i++) {
            String message = JSON.readTree(gen.next()).get("message").asText();
            byte[] msg = ("<38>" + message).getBytes(StandardCharsets.UTF_8);
            out[i % connections].write((msg.length + " ").getBytes(StandardCharsets.UTF_8));
            out[i % connections].write(msg);
        }
        byte[][] frames = new byte[connections][];
        for (int c = 0; c < connections; c++) frames[c] = out[c].toByteArray();
        return frames;
    }

    private static void sendAll(int port, byte[][] frames) throws InterruptedException {
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < frames.length; c++) {
            byte[] mine = frames[c];
            senders.add(Thread.ofPlatform().name("bench-sender-" + c).start(() -> send(port, mine)));
        }
        for (Thread s : senders) s.join();
    }

    /** Waits until {@code total} syslog events are processed, flushed and found by a search. */
    private static void awaitSearchable(Vigil vigil, long total, long spanMillis) throws Exception {
        String query = "{\"query\":\"vigil.index:syslog\",\"from\":\"now-" + (spanMillis / 1000 + 3600) + "s\",\"to\":\"now+1h\",\"size\":0}";
        long count = 0;
        while (count < total) {
            vigil.pipeline().flush(false).get();
            count = vigil.search().search(JSON.readTree(query)).get("total").asLong();
            if (count < total) Thread.sleep(50);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static void send(int port, byte[] frames) {
        try (Socket s = new Socket("127.0.0.1", port); OutputStream out = s.getOutputStream()) {
            for (int from = 0; from < frames.length; from += 1 << 16) out.write(frames, from, Math.min(1 << 16, frames.length - from));
            out.flush();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
