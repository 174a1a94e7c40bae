package io.vigil.robust;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testkit.VigilClient;
import io.vigil.testkit.VigilProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More load than Vigil can take, on a 512 MiB heap and a 16 MiB journal: HTTP senders as fast as they can
 * (several times what the pipeline stores on this machine), a syslog TCP sender and a UDP flood. Checks that
 * HTTP gets 429 with {@code Retry-After} instead of unbounded buffering, TCP writes block, UDP drops are counted
 * in {@code /metrics}, the heap stays bounded, and after the load stops every acknowledged event is stored.
 */
class OverloadIT {
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    @TempDir
    Path dir;

    @Test
    void thirtySecondsOfOverloadAreRejectedAndThenCaughtUpWithoutLoss() throws Exception {
        overload(Duration.ofSeconds(Long.getLong("vigil.overload.seconds", 30)));
    }

    @Test
    @Tag("slow")
    void fiveMinutesOfOverloadAreRejectedAndThenCaughtUpWithoutLoss() throws Exception {
        overload(Duration.ofMinutes(5));
    }

    private void overload(Duration length) throws Exception {
        Path config = ChaosWorkload.writeConfig(dir, ChaosWorkload.writeRule(dir), 16L << 20, 1000);
        try (VigilProcess vigil = VigilProcess.serveWithJvm(List.of("-Xmx512m"), dir.resolve("data"), ChaosWorkload.PASSWORD,
                "--config", config.toString(), "--syslog-tcp-port", "0", "--syslog-udp-port", "0")) {
            VigilClient client = new VigilClient(vigil.baseUrl(), "admin", ChaosWorkload.PASSWORD);
            Load load = new Load(vigil, length);
            List<Thread> threads = load.start();
            long maxHeapKb = 0;
            while (threads.stream().anyMatch(Thread::isAlive)) {
                maxHeapKb = Math.max(maxHeapKb, heapUsedKb(vigil.pid()));
                Thread.sleep(1000);
            }
            long caughtUpAt = System.nanoTime();
            VigilClient.Response refreshed = client.post("/_refresh", "application/json", "");
            long catchUpMs = (System.nanoTime() - caughtUpAt) / 1_000_000;
            assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
            long stored = 0;
            for (int s = 0; s < Load.HTTP_SENDERS; s++) stored += ChaosWorkload.bulkCounts(client, "ov" + s, "")[0];
            String metrics = client.get("/metrics").body();
            long udpDropped = metric(metrics, "vigil_syslog_dropped");
            System.out.printf("overload %s: %d bulk acked, %d rejected 429 (Retry-After seen: %s), max TCP write stall %d ms,"
                            + " %d UDP sent, %d UDP dropped (counted), max heap used %d MiB of 512, catch-up %d ms%n",
                    length, load.acked.get(), load.rejected.get(), load.retryAfter.get() > 0, load.maxTcpStallMs.get(),
                    load.udpSent.get(), udpDropped, maxHeapKb / 1024, catchUpMs);
            assertThat(vigil.isAlive()).as("server survived").isTrue();
            assertThat(vigil.output()).noneMatch(l -> l.contains("OutOfMemoryError"));
            assertThat(load.rejected.get()).as("429s under overload").isPositive();
            assertThat(load.retryAfter.get()).as("every 429 carries Retry-After").isEqualTo(load.rejected.get());
            assertThat(stored).as("every acknowledged event stored once").isEqualTo(load.acked.get());
            assertThat(load.maxTcpStallMs.get()).as("TCP sender was slowed (a write blocked)").isGreaterThanOrEqualTo(500);
            assertThat(udpDropped).as("UDP drops are counted").isPositive();
            assertThat(maxHeapKb).isLessThanOrEqualTo(512 * 1024);
        }
    }

    /** The senders; each runs for {@code length}. */
    private static final class Load {
        static final int HTTP_SENDERS = 4;
        final AtomicLong acked = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong retryAfter = new AtomicLong();
        final AtomicLong maxTcpStallMs = new AtomicLong();
        final AtomicLong udpSent = new AtomicLong();
        private final VigilProcess vigil;
        private final long endNanos;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String auth = "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + ChaosWorkload.PASSWORD).getBytes(StandardCharsets.UTF_8));

        Load(VigilProcess vigil, Duration length) {
            this.vigil = vigil;
            this.endNanos = System.nanoTime() + length.toNanos();
        }

        List<Thread> start() throws InterruptedException {
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < HTTP_SENDERS; s++) {
                String run = "ov" + s;
                threads.add(Thread.ofPlatform().name("http-" + s).start(() -> http(run)));
            }
            int tcp = vigil.syslogTcpPort(), udp = vigil.syslogUdpPort();
            threads.add(Thread.ofPlatform().name("tcp").start(() -> tcp(tcp)));
            threads.add(Thread.ofPlatform().name("udp").start(() -> udp(udp)));
            return threads;
        }

        private boolean running() {
            return System.nanoTime() < endNanos;
        }

        private void http(String run) {
            long next = 0;
            try {
                while (running()) {
                    HttpRequest req = HttpRequest.newBuilder(URI.create(vigil.baseUrl() + "/_bulk")).timeout(Duration.ofSeconds(120))
                            .header("Authorization", auth).header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofString(ChaosWorkload.bulk(run, next, 1000))).build();
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && !r.body().contains("\"errors\":true")) {
                        acked.addAndGet(1000);
                        next += 1000;
                    } else if (r.statusCode() == 429) {
                        rejected.incrementAndGet();
                        if (r.headers().firstValue("Retry-After").isPresent()) retryAfter.incrementAndGet();
                        Thread.sleep(50); // a shipper would honour Retry-After; keep pressing to stay overloaded
                    } else {
                        throw new IllegalStateException("bulk answered " + r.statusCode() + ": " + r.body());
                    }
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        private void tcp(int port) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                byte[] chunk = new byte[64 * 1024];
                int filled = 0;
                for (long seq = 0; running(); seq++) {
                    byte[] line = ChaosWorkload.syslogLine("ovtcp", seq);
                    if (filled + line.length > chunk.length) {
                        long t0 = System.nanoTime();
                        out.write(chunk, 0, filled);
                        maxTcpStallMs.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                        filled = 0;
                    }
                    System.arraycopy(line, 0, chunk, filled, line.length);
                    filled += line.length;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void udp(int port) {
            try (DatagramSocket socket = new DatagramSocket()) {
                InetAddress local = InetAddress.getLoopbackAddress();
                for (long seq = 0; running(); seq++) {
                    byte[] line = ChaosWorkload.syslogLine("ovudp", seq);
                    socket.send(new DatagramPacket(line, line.length, local, port));
                    udpSent.incrementAndGet();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Used heap of a JVM in KiB, from {@code jcmd PID GC.heap_info}; 0 if jcmd is unavailable. */
    static long heapUsedKb(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = HEAP_USED.matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static long metric(String prometheus, String name) {
        for (String line : prometheus.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("metric " + name + " not in /metrics");
    }
}
