/**
 * Compilation of Sigma rules into the structures the engine runs: {@link io.vigil.detect.compile.RuleCompiler}
 * turns a rule into a {@link io.vigil.detect.compile.CompiledRule} (a {@link io.vigil.detect.compile.Predicate}
 * tree over shared field slots, its route keys and its prefilter literals);
 * {@link io.vigil.detect.compile.LogSourceRouting} and {@link io.vigil.detect.compile.FieldMapping} hold the
 * logsource and field-name tables (pySigma windows/sysmon/windows-audit pipelines);
 * {@link io.vigil.detect.compile.RoutePlan} evaluates the rules of one combination of routes behind the literal
 * prefilter: {@link io.vigil.detect.compile.LiteralIndex} scanners ({@link io.vigil.detect.compile.AhoCorasick},
 * case-insensitive) over the fields those rules' literals live in, each field once per event.
 *
 * <p>Invariants: a prefilter never drops a rule that would match (the literals are necessary conditions);
 * every field is looked up and lower-cased at most once per event, and only when a rule reads it
 * ({@link io.vigil.detect.compile.EventView}); a rule filed under several of an event's routes runs once.
 * Compiled structures are immutable and thread-safe; {@code RuleCompiler} and {@code EventView} are not.
 * Read {@code RuleCompiler} first.
 */
package io.vigil.detect.compile;
