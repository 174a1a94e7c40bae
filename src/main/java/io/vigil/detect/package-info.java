/**
 * Stage 4, detection: every parsed event is evaluated against Sigma rules as it arrives.
 *
 * <p>Flow: {@link io.vigil.detect.rule.RuleLoader} reads YAML into rule records (rejections with file and
 * line), {@link io.vigil.detect.RuleSet#compile} compiles them ({@code io.vigil.detect.compile}: predicate
 * trees over shared field slots, log-source routes, Aho-Corasick literal prefilter; values and modifiers in
 * {@code io.vigil.detect.value}; conditions in {@code io.vigil.detect.condition}), and
 * {@link io.vigil.detect.DetectionEngine} evaluates events against the current immutable
 * {@link io.vigil.detect.RuleSet}, swapped atomically on reload. {@link io.vigil.detect.RulesCheck} is the
 * {@code vigil rules check} command.
 *
 * <p>Invariants: a bad rule never stops loading; evaluation never throws for odd event values; the indexed
 * evaluation returns exactly what evaluating every routed rule would ({@link io.vigil.detect.RuleSet#evaluateEveryRule}).
 * Thread-safety: rule sets and the engine are safe for concurrent use. Correlation rules are loaded and
 * kept, not yet evaluated. Read {@code RuleSet} first.
 */
package io.vigil.detect;
