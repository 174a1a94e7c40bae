package io.vigil.ingest.syslog;

import io.vigil.event.RawBatch;
import io.vigil.ingest.IngestGateway;
import io.vigil.ingest.IngestRejectedException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits a stream connection's batch and blocks until it is durable, retrying on rejection. TCP has no
 * application-level acknowledgement, so blocking here is the only backpressure a syslog sender sees: while
 * the journal is full the connection stops reading, the socket buffers fill and the sender's writes block.
 *
 * <p>A batch is given up (and its lines counted as dropped) only when the close deadline passes or the
 * thread is interrupted by {@link SyslogInputs#close()}. Thread-safe (stateless apart from collaborators).
 */
final class DurableSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(DurableSubmitter.class);
    /** Retry pause when the gateway gives no hint (retryAfter 0) or fails unexpectedly. */
    private static final long MIN_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long UNEXPECTED_FAILURE_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final IngestGateway gateway;
    private final SyslogMetrics metrics;
    /** True once close() has waited long enough: pending batches are then abandoned. */
    private final BooleanSupplier closeDeadlinePassed;

    DurableSubmitter(IngestGateway gateway, SyslogMetrics metrics, BooleanSupplier closeDeadlinePassed) {
        this.gateway = gateway;
        this.metrics = metrics;
        this.closeDeadlinePassed = closeDeadlinePassed;
    }

    /** Returns true once the batch is durable, false if it was abandoned (lines counted as dropped). */
    boolean submitUntilDurable(RawBatch batch) {
        while (true) {
            long pauseNanos;
            try {
                gateway.submit(batch).get();
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return abandon(batch, "interrupted while waiting for the journal");
            } catch (ExecutionException | CompletionException | IngestRejectedException e) {
                pauseNanos = pauseAfter(unwrap(e));
            }
            if (!pause(pauseNanos)) {
                return abandon(batch, "the journal did not accept it before the close deadline");
            }
            metrics.retried();
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static long pauseAfter(Throwable failure) {
        if (failure instanceof IngestRejectedException rejected) {
            LOG.debug("syslog batch rejected ({}), retrying in {} s", rejected.getMessage(), rejected.retryAfterSeconds());
            return Math.max(MIN_PAUSE_NANOS, TimeUnit.SECONDS.toNanos(rejected.retryAfterSeconds()));
        }
        LOG.warn("syslog batch failed unexpectedly, retrying: {}", failure.toString());
        return UNEXPECTED_FAILURE_PAUSE_NANOS;
    }

    /** Sleeps in short slices so a close deadline is noticed promptly; false if the deadline passed. */
    private boolean pause(long nanos) {
        long until = System.nanoTime() + nanos;
        while (true) {
            if (closeDeadlinePassed.getAsBoolean()) {
                return false;
            }
            long left = until - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private boolean abandon(RawBatch batch, String why) {
        metrics.dropped(batch.size());
        LOG.warn("dropped {} syslog lines from {}: {}", batch.size(), batch.sourceAddress(), why);
        return false;
    }
}
