/**
 * Compilation of Sigma rules into the structures the engine runs: {@link io.vigil.detect.compile.RuleCompiler}
 * turns a rule into a {@link io.vigil.detect.compile.CompiledRule} (a {@link io.vigil.detect.compile.Predicate}
 * tree over shared field slots, its route keys and its prefilter literals);
 * {@link io.vigil.detect.compile.LogSourceRouting} and {@link io.vigil.detect.compile.FieldMapping} hold the
 * logsource and field-name tables (pySigma windows/sysmon/windows-audit pipelines);
 * {@link io.vigil.detect.compile.RouteBucket} evaluates the rules of one route behind an Aho-Corasick prefilter.
 *
 * <p>Invariants: a prefilter never drops a rule that would match (the literals are necessary conditions);
 * every field is looked up and lower-cased at most once per event ({@link io.vigil.detect.compile.EventView}).
 * Compiled structures are immutable and thread-safe; {@code RuleCompiler} and {@code EventView} are not.
 * Read {@code RuleCompiler} first.
 */
package io.vigil.detect.compile;
