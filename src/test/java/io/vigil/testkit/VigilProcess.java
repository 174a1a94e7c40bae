package io.vigil.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Vigil server in its own JVM, started from the shaded JAR ({@code -Dvigil.jar}), for tests that must
 * kill it (SIGKILL), stop it (SIGTERM) and restart it on the same data directory.
 */
public final class VigilProcess implements AutoCloseable {
    private static final String DEFAULT_HEAP = "-Xmx1g";
    private static final Pattern LISTENING = Pattern.compile("Vigil listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    /** Every line the process printed so far, growing while it runs (shared with the output pump). */
    private final List<String> output;
    private final int port;

    private VigilProcess(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Starts {@code vigil serve --data DIR --http-port 0 [extra...]} and waits for its listening line. */
    public static VigilProcess serve(Path dataDir, String adminPassword, String... extra) throws IOException {
        return start("serve", dataDir, adminPassword, extra);
    }

    public static VigilProcess start(String command, Path dataDir, String adminPassword, String... extra) throws IOException {
        return start(List.of(DEFAULT_HEAP), command, dataDir, adminPassword, extra);
    }

    /**
     * Like {@link #serve} with the given JVM options (e.g. {@code -Xmx512m}, {@code -XX:+HeapDumpOnOutOfMemoryError});
     * without an {@code -Xmx} among them the server gets {@value #DEFAULT_HEAP}.
     */
    public static VigilProcess serveWithJvm(List<String> jvmOptions, Path dataDir, String adminPassword, String... extra)
            throws IOException {
        List<String> jvm = new ArrayList<>(jvmOptions);
        if (jvm.stream().noneMatch(o -> o.startsWith("-Xmx"))) jvm.add(DEFAULT_HEAP);
        return start(jvm, "serve", dataDir, adminPassword, extra);
    }

    private static VigilProcess start(List<String> jvmOptions, String command, Path dataDir, String adminPassword,
                                      String... extra) throws IOException {
        String jar = System.getProperty("vigil.jar", "target/vigil.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED",
                "--add-modules", "jdk.incubator.vector", "-jar", jar, command, "--data", dataDir.toString(), "--http-port", "0"));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("VIGIL_ADMIN_PASSWORD", adminPassword);
        Process p = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> portFound = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(p, lines, portFound), "vigil-process-output");
        pump.setDaemon(true);
        pump.start();
        try {
            int port = portFound.get(60, TimeUnit.SECONDS);
            return new VigilProcess(p, port, lines);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("Vigil did not start; output:\n" + String.join("\n", lines), e);
        }
    }

    private static void pump(Process p, List<String> lines, CompletableFuture<Integer> portFound) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) portFound.complete(Integer.parseInt(m.group(1)));
            }
        } catch (IOException ignored) {
            // the process died; the exit code tells the test what happened
        }
        portFound.completeExceptionally(new IOException("process output ended"));
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    /** Waits up to {@code timeoutMillis} for an output line matching {@code pattern}; returns its first group. */
    public String awaitOutput(Pattern pattern, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            for (String line : output) {
                Matcher m = pattern.matcher(line);
                if (m.find()) return m.groupCount() > 0 ? m.group(1) : line;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no output line matched " + pattern + " within " + timeoutMillis + " ms; output:\n"
                + String.join("\n", output));
    }

    /** The bound syslog TCP port ({@code --syslog-tcp-port 0}), from the line the server prints. */
    public int syslogTcpPort() throws InterruptedException {
        return Integer.parseInt(awaitOutput(Pattern.compile("Syslog TCP listening on 127\\.0\\.0\\.1:(\\d+)"), 30_000));
    }

    /** The bound syslog UDP port ({@code --syslog-udp-port 0}). */
    public int syslogUdpPort() throws InterruptedException {
        return Integer.parseInt(awaitOutput(Pattern.compile("Syslog UDP listening on 127\\.0\\.0\\.1:(\\d+)"), 30_000));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and wait for the clean shutdown; returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Vigil did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
