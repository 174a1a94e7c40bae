/**
 * Stage 4, detection: every parsed event is evaluated against Sigma rules as it arrives.
 *
 * <p>Flow: {@link io.vigil.detect.rule.RuleLoader} reads YAML into rule records (rejections with file and
 * line; {@link io.vigil.detect.BuiltinRules} reads Vigil's own pack from the classpath),
 * {@link io.vigil.detect.RuleSet#compile} compiles them ({@code io.vigil.detect.compile}: predicate trees
 * over shared field slots, log-source routes, Aho-Corasick literal prefilter; values and modifiers in
 * {@code io.vigil.detect.value}; conditions in {@code io.vigil.detect.condition}; correlations in
 * {@code io.vigil.detect.correlate}). {@link io.vigil.detect.Detector} is what the pipeline calls: it runs
 * each event through the current rule set and the correlation engine and returns
 * {@link io.vigil.detect.Detection}s for the alert stage. {@link io.vigil.detect.RetroHunt} does the same
 * over stored events; {@link io.vigil.detect.RulesCheck} is {@code vigil rules check}.
 *
 * <p>Invariants: a bad rule never stops loading; evaluation never throws for odd event values; the indexed
 * evaluation returns exactly what evaluating every routed rule would ({@link io.vigil.detect.RuleSet#evaluateEveryRule}).
 * Thread-safety: rule sets and {@link io.vigil.detect.DetectionEngine} (the atomic holder of the current
 * set) are safe for concurrent use; a {@code Detector} holds correlation state and is confined to one
 * thread. Read {@code RuleSet} first, then {@code Detector}.
 */
package io.vigil.detect;
