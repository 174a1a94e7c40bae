/**
 * Reading Sigma YAML into rule records: {@link io.vigil.detect.rule.RuleLoader} walks files and directory
 * trees, expands rule collections ({@code action: global/reset/repeat}) and yields
 * {@link io.vigil.detect.rule.SigmaRule}s, {@link io.vigil.detect.rule.SigmaFilter}s and
 * {@link io.vigil.detect.rule.CorrelationRule}s plus one {@link io.vigil.detect.rule.RuleProblem} per
 * unreadable document.
 *
 * <p>Invariants: loading never throws for bad input and never stops at a bad rule; every problem carries
 * the file and the line of the document (or key) at fault. Detection bodies stay YAML trees here; their
 * meaning (modifiers, conditions) is the compiler's business. Records are immutable; the loader is
 * stateless and thread-safe. Read {@code RuleLoader} first.
 */
package io.vigil.detect.rule;
