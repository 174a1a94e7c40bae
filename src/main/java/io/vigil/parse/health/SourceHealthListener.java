package io.vigil.parse.health;

/**
 * Told when a source falls silent; the server wires it to the alert stage (which parse may not import).
 * Called from the thread that runs {@link SourceHealth#checkSilence()}, outside any lock; it should hand the
 * record off quickly.
 */
@FunctionalInterface
public interface SourceHealthListener {
    void silent(SilentSource source);
}
