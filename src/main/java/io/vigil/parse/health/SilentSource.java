package io.vigil.parse.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An internal alert record: a source that used to send has been quiet for longer than allowed.
 *
 * @param name      the source's name (its index, or input and peer address)
 * @param lastSeen  when its last event arrived
 * @param silentFor how long it has been quiet when the check ran
 */
public record SilentSource(String name, Instant lastSeen, Duration silentFor) {
    public SilentSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (silentFor.isNegative()) throw new IllegalArgumentException("silentFor must not be negative: " + silentFor);
    }
}
