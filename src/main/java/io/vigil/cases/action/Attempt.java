package io.vigil.cases.action;

/** What one try of a send came to: done, worth retrying, or pointless to retry. */
public sealed interface Attempt {
    String detail();

    record Success(String detail) implements Attempt {
    }

    /** 5xx, timeouts, refused or dropped connections: the receiver may be back in a moment. */
    record Retryable(String detail) implements Attempt {
    }

    /** 4xx, bad credentials, refused destinations: the same request will fail again. */
    record Permanent(String detail) implements Attempt {
    }
}
