package io.vigil.parse;

import io.vigil.event.RawBatch;
import io.vigil.parse.suricata.SuricataDataTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Decode + normalize throughput per format on one thread (events/s per core), through the standard
 * parser with detection, in batches of 1,000 lines as the pipeline hands them over.
 *
 * <p>Run (arguments: data directory, seconds per format):
 * <pre>. scripts/jdk.sh &amp;&amp; mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &amp;&amp;
 * $JAVA_HOME/bin/java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.vigil.parse.DecodeBench ../shared/data 3</pre>
 * Postfix has no public sample here, so its lines are generated from six real-shaped templates with a
 * seeded Random.
 */
public final class DecodeBench {
    private static final int BATCH = 1_000;

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : System.getProperty("vigil.data", "../shared/data"));
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3.0;
        Map<String, List<byte[]>> formats = new LinkedHashMap<>();
        formats.put("windows-json (OTRF)", otrf(data));
        formats.put("syslog auth (auth.log)", textLines(data.resolve("linux/auth.log")));
        formats.put("apache combined", textLines(data.resolve("web/apache_logs_combined.log")));
        formats.put("postfix (generated)", postfix(20_000, 42));
        formats.put("suricata eve", SuricataDataTest.eveLines(data));
        DefaultEventParser parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());
        System.out.printf("%-26s %10s %12s%n", "format", "lines", "events/s");
        for (var f : formats.entrySet()) {
            List<RawBatch> batches = batches(f.getValue());
            run(parser, batches, seconds / 3);   // warm-up
            double rate = run(parser, batches, seconds);
            System.out.printf("%-26s %10d %12.0f%n", f.getKey(), f.getValue().size(), rate);
        }
    }

    /** Parses the batches round-robin for about {@code seconds}; returns events per second. */
    private static double run(DefaultEventParser parser, List<RawBatch> batches, double seconds) {
        long events = 0;
        long sink = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int i = 0;
        while (System.nanoTime() < deadline) {
            RawBatch b = batches.get(i++ % batches.size());
            sink += parser.parse(b, i).size();
            events += b.size();
        }
        if (sink != events) throw new IllegalStateException("parser returned " + sink + " events for " + events + " lines");
        return events / ((System.nanoTime() - start) / 1e9);
    }

    private static List<RawBatch> batches(List<byte[]> lines) {
        List<RawBatch> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += BATCH) {
            out.add(new RawBatch("bench", "", "", 0, lines.subList(i, Math.min(lines.size(), i + BATCH))));
        }
        return out;
    }

    private static List<byte[]> textLines(Path file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (!l.isBlank()) out.add(l.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<byte[]> otrf(Path data) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(data.resolve("windows/otrf/windows"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (l.startsWith("{")) out.add(l.getBytes(StandardCharsets.UTF_8));
                    if (out.size() >= 50_000) return out;
                }
            }
        }
        return out;
    }

    static List<byte[]> postfix(int n, long seed) {
        Random r = new Random(seed);
        String[] templates = {
            "postfix/smtpd[%d]: connect from mail%d.example.com[192.0.2.%d]",
            "postfix/smtpd[%d]: NOQUEUE: reject: RCPT from unknown[203.0.113.%d]: 554 5.7.1 <u%d@victim.test>: Relay access denied; from=<s@evil.test> to=<u@victim.test> proto=ESMTP helo=<evil>",
            "postfix/qmgr[%d]: 3F2A81C%d: from=<bob%d@example.com>, size=2345, nrcpt=1 (queue active)",
            "postfix/smtp[%d]: 3F2A81C%d: to=<carol%d@example.org>, relay=mx.example.org[198.51.100.25]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 Ok)",
            "postfix/cleanup[%d]: 3F2A81C%d: message-id=<2024.%d@example.com>",
            "postfix/smtpd[%d]: warning: unknown[198.51.100.%d]: SASL LOGIN authentication failed: UGFzc3dvcmQ%d"};
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String msg = String.format(templates[r.nextInt(templates.length)], 1000 + r.nextInt(9000), r.nextInt(250), r.nextInt(1000));
            out.add(("Mar  1 10:00:" + String.format("%02d", i % 60) + " mx1 " + msg).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
