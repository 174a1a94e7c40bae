package io.vigil.access;

import java.time.Duration;
import java.util.Objects;

/**
 * When repeated failed logins lock a user name or a source address. A key (user or address) that collects
 * {@code userFailures} / {@code addressFailures} failures within {@code window} is locked for {@code lockFor}.
 * The address limit is higher by default because many people can share one address (NAT, a proxy), while a
 * password-spraying attacker trying many names from one address still hits it.
 */
public record LockoutPolicy(int userFailures, int addressFailures, Duration window, Duration lockFor) {
    /** 5 failures per user or 20 per address within 15 minutes lock for 15 minutes. */
    public static final LockoutPolicy DEFAULTS = new LockoutPolicy(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15));

    public LockoutPolicy {
        if (userFailures < 1 || addressFailures < 1) {
            throw new IllegalArgumentException("lockout failure limits must be at least 1, got user " + userFailures
                    + ", address " + addressFailures);
        }
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(lockFor, "lockFor");
        if (window.isNegative() || window.isZero() || lockFor.isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("lockout window and duration must be positive");
        }
    }
}
