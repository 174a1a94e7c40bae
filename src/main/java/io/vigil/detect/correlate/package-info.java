/**
 * Sigma correlation rules (specification v2.1: {@code event_count}, {@code value_count}, {@code temporal},
 * {@code temporal_ordered}, {@code value_sum}, {@code value_avg}, {@code value_percentile}; group-by,
 * aliases, timespan, conditions gt/gte/lt/lte/eq/neq and ranges, {@code generate}, chains).
 *
 * <p>Flow: {@link io.vigil.detect.correlate.CorrelationCompiler} checks the rules and resolves references
 * by id or name into a {@link io.vigil.detect.correlate.CorrelationSet}; a
 * {@link io.vigil.detect.correlate.CorrelationEngine} is fed {@link io.vigil.detect.correlate.Observation}s
 * (rule matches) and yields {@link io.vigil.detect.correlate.CorrelationMatch}es.
 *
 * <p>Invariants: windows are true sliding windows relative to each group's newest event; state is bounded
 * by {@link io.vigil.detect.correlate.CorrelationLimits} and every drop is counted and flagged on the next
 * match. Compiled values are immutable and thread-safe; the engine is not (one per pipeline thread).
 * Read {@code CorrelationEngine} first.
 */
package io.vigil.detect.correlate;
