package io.vigil.ingest.syslog;

import io.vigil.event.RawBatch;
import io.vigil.ingest.IngestGateway;
import io.vigil.ingest.IngestRejectedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A test double of the journal's door: records every accepted batch; can reject (as a full journal
 * does) or hold every future open until released (a saturated journal).
 */
final class RecordingGateway implements IngestGateway {
    private final List<RawBatch> accepted = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger submissions = new AtomicInteger();
    private volatile boolean rejecting;
    private volatile boolean holding;

    @Override
    public CompletableFuture<Void> submit(RawBatch batch) {
        submissions.incrementAndGet();
        if (rejecting) {
            return CompletableFuture.failedFuture(new IngestRejectedException("journal is full", 0));
        }
        accepted.add(batch);
        if (holding) {
            CompletableFuture<Void> future = new CompletableFuture<>();
            held.add(future);
            return future;
        }
        return CompletableFuture.completedFuture(null);
    }

    void reject(boolean on) {
        rejecting = on;
    }

    void hold() {
        holding = true;
    }

    /** Completes every held future and stops holding. */
    void release() {
        holding = false;
        held.forEach(f -> f.complete(null));
    }

    int submissions() {
        return submissions.get();
    }

    List<RawBatch> batches() {
        return List.copyOf(accepted);
    }

    List<String> lines() {
        return accepted.stream().flatMap(b -> b.lines().stream())
                .map(l -> new String(l, StandardCharsets.UTF_8)).toList();
    }

    long lineCount() {
        return accepted.stream().mapToLong(RawBatch::size).sum();
    }

    /** Polls until the condition holds; fails with the message if it does not within the timeout. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
