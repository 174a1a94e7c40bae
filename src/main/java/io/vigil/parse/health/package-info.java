/**
 * Source health, fed by the parse stage: per log source, moving event and byte rates, parse failures, first
 * and last event, and a {@link io.vigil.parse.health.SilentSource} alert record when a source that used to
 * send falls silent. Read {@link io.vigil.parse.health.SourceHealth} first.
 *
 * <p>It lives in the parse stage because it needs only what parse produces; later stages (web for
 * {@code /api/sources}, the server for wiring {@link io.vigil.parse.health.SourceHealthListener} to alerts)
 * may use it, never the other way round.
 *
 * <p>Invariants: a source is reported silent at most once per silence; only sources seen since start are
 * tracked; the number of tracked names is bounded. Thread-safe: one writer (the pipeline) and any number
 * of readers; time comes from an injected {@link java.time.Clock}.
 */
package io.vigil.parse.health;
