package io.vigil.cases.action;

import java.time.Duration;
import java.util.function.Supplier;

/** Tries a send up to {@link RetryPolicy#attempts()} times, waiting with exponential backoff between tries. */
final class Retrier {
    /** Waits between tries; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** The last attempt and how many tries it took. */
    record Result(Attempt last, int attempts) {
        boolean succeeded() {
            return last instanceof Attempt.Success;
        }
    }

    private Retrier() {
    }

    static Result run(RetryPolicy policy, Sleeper sleeper, Supplier<Attempt> send) {
        Attempt last = null;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            if (attempt > 1) {
                try {
                    sleeper.sleep(policy.backoffBefore(attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Result(new Attempt.Permanent("interrupted before try " + attempt + "; last: " + last.detail()), attempt - 1);
                }
            }
            last = send.get();
            if (!(last instanceof Attempt.Retryable)) return new Result(last, attempt);
        }
        return new Result(last, policy.attempts());
    }
}
