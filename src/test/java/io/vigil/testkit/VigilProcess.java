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
    private static final Pattern LISTENING = Pattern.compile("Vigil listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final int port;

    private VigilProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code vigil serve --data DIR --http-port 0 [extra...]} and waits for its listening line. */
    public static VigilProcess serve(Path dataDir, String adminPassword, String... extra) throws IOException {
        return start("serve", dataDir, adminPassword, extra);
    }

    public static VigilProcess start(String command, Path dataDir, String adminPassword, String... extra) throws IOException {
        String jar = System.getProperty("vigil.jar", "target/vigil.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
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
            VigilProcess vp = new VigilProcess(p, port);
            vp.output.addAll(lines);
            return vp;
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
