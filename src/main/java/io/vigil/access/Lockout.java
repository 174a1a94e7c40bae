package io.vigil.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A lock in force: on a user name or a source address, until {@code until}. */
public record Lockout(Kind kind, String subject, Instant until) {
    public enum Kind { USER, ADDRESS }

    public Lockout {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(until, "until");
    }

    /** Whole seconds left from {@code now}, at least 1 (for Retry-After). */
    public long secondsLeft(Instant now) {
        return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
    }

    /** A message for the caller that does not say whether the user exists. */
    public String describe(Instant now) {
        long minutes = (secondsLeft(now) + 59) / 60;
        return switch (kind) {
            case USER -> "too many failed logins for this user name; it is locked for about " + minutes
                    + " more minute(s). Wait, or ask an administrator";
            case ADDRESS -> "too many failed logins from your address; logins from it are refused for about " + minutes
                    + " more minute(s)";
        };
    }
}
