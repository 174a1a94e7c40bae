package io.vigil.ingest.syslog;

import io.vigil.event.RawBatch;
import io.vigil.ingest.IngestGateway;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches UDP syslog messages and submits them without waiting (UDP is best effort). Messages wait in a
 * bounded queue; a flusher thread takes up to {@code batch_max_lines} once the batch is full or its first
 * message has lingered, groups them into one {@link RawBatch} per sender address (and truncation, see
 * {@link SyslogSource}), and submits with at most {@value #MAX_IN_FLIGHT} batches in flight.
 *
 * <p>Every message that will not reach the journal is counted as dropped: the queue is full (the receiver
 * is faster than the journal), the gateway rejects or fails the batch, or close() times out.
 * Thread-safe: {@link #offer} from the receiver thread, everything else on the flusher thread.
 */
final class DatagramBatcher {
    private static final Logger LOG = LoggerFactory.getLogger(DatagramBatcher.class);
    static final int MAX_IN_FLIGHT = 4;
    private static final long MAX_QUEUED_BYTES = 32L * 1024 * 1024;

    record Datagram(String peer, byte[] message, boolean truncated, long receivedAt) {
    }

    private record BatchKey(String peer, boolean truncated) {
    }

    private final IngestGateway gateway;
    private final SyslogOptions options;
    private final SyslogMetrics metrics;
    private final CloseDeadline closing;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Datagram> queue = new ArrayDeque<>();
    private final int maxQueuedLines;
    private long queuedBytes;
    private long firstQueuedNanos;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Thread flusher;

    DatagramBatcher(IngestGateway gateway, SyslogOptions options, SyslogMetrics metrics, CloseDeadline closing) {
        this.gateway = gateway;
        this.options = options;
        this.metrics = metrics;
        this.closing = closing;
        this.maxQueuedLines = 8 * options.limits().batchMaxLines();
        this.flusher = Thread.ofPlatform().daemon().name("syslog-udp-batcher").start(this::flushUntilClosed);
    }

    /** Queues one message; false (and counted as dropped) when the queue is full. */
    boolean offer(Datagram datagram) {
        lock.lock();
        try {
            if (queue.size() >= maxQueuedLines || queuedBytes + datagram.message().length > MAX_QUEUED_BYTES) {
                metrics.dropped(1);
                return false;
            }
            if (queue.isEmpty()) {
                firstQueuedNanos = System.nanoTime();
            }
            queue.add(datagram);
            queuedBytes += datagram.message().length;
            if (queue.size() == 1 || queue.size() >= options.limits().batchMaxLines()) {
                changed.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Called after the receiver stopped: the flusher submits what is queued, then waits for in-flight batches. */
    void awaitDrained() throws InterruptedException {
        lock.lock();
        try {
            changed.signal();
        } finally {
            lock.unlock();
        }
        flusher.join(TimeUnit.NANOSECONDS.toMillis(closing.remainingNanos()) + 1);
        if (flusher.isAlive()) {
            flusher.interrupt();
            flusher.join(1000);
        }
    }

    private void flushUntilClosed() {
        try {
            while (true) {
                List<Datagram> batch = takeBatch();
                if (batch.isEmpty()) {
                    break;
                }
                submitGrouped(batch);
            }
            if (!inFlight.tryAcquire(MAX_IN_FLIGHT, closing.remainingNanos(), TimeUnit.NANOSECONDS)) {
                LOG.warn("syslog UDP: batches still unacknowledged at the close deadline");
            }
        } catch (InterruptedException e) {
            dropQueued();
        }
    }

    /** Blocks until a batch is due; empty only when closing and nothing is left. */
    private List<Datagram> takeBatch() throws InterruptedException {
        long lingerNanos = options.limits().batchLinger().toNanos();
        lock.lock();
        try {
            while (true) {
                if (queue.isEmpty()) {
                    if (closing.closing()) {
                        return List.of();
                    }
                    changed.await(100, TimeUnit.MILLISECONDS);
                    continue;
                }
                long waitNanos = lingerNanos - (System.nanoTime() - firstQueuedNanos);
                if (queue.size() >= options.limits().batchMaxLines() || waitNanos <= 0 || closing.closing()) {
                    return drain(options.limits().batchMaxLines());
                }
                changed.awaitNanos(waitNanos);
            }
        } finally {
            lock.unlock();
        }
    }

    private List<Datagram> drain(int max) {
        List<Datagram> taken = new ArrayList<>(Math.min(max, queue.size()));
        while (taken.size() < max && !queue.isEmpty()) {
            Datagram d = queue.poll();
            queuedBytes -= d.message().length;
            taken.add(d);
        }
        firstQueuedNanos = System.nanoTime(); // the rest start lingering now
        return taken;
    }

    private void submitGrouped(List<Datagram> datagrams) throws InterruptedException {
        Map<BatchKey, List<Datagram>> groups = new LinkedHashMap<>();
        for (Datagram d : datagrams) {
            groups.computeIfAbsent(new BatchKey(d.peer(), d.truncated()), k -> new ArrayList<>()).add(d);
        }
        for (Map.Entry<BatchKey, List<Datagram>> group : groups.entrySet()) {
            List<Datagram> members = group.getValue();
            RawBatch batch = new RawBatch(SyslogSource.UDP.batchSource(group.getKey().truncated()), options.index(),
                    group.getKey().peer(), members.get(0).receivedAt(), members.stream().map(Datagram::message).toList());
            submit(batch);
        }
    }

    private void submit(RawBatch batch) throws InterruptedException {
        if (!inFlight.tryAcquire(closing.remainingNanos(), TimeUnit.NANOSECONDS)) {
            metrics.dropped(batch.size());
            return;
        }
        CompletableFuture<Void> future;
        try {
            future = gateway.submit(batch);
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        future.whenComplete((ok, failure) -> {
            inFlight.release();
            if (failure != null) {
                metrics.dropped(batch.size());
                LOG.debug("syslog UDP batch of {} dropped: {}", batch.size(), failure.toString());
            }
        });
    }

    private void dropQueued() {
        lock.lock();
        try {
            metrics.dropped(queue.size());
            queue.clear();
            queuedBytes = 0;
        } finally {
            lock.unlock();
        }
    }
}
