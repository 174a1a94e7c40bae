/**
 * Compilation of Sigma rules into the structures the engine runs: {@link io.vigil.detect.compile.RuleCompiler}
 * turns a rule into a {@link io.vigil.detect.compile.CompiledRule} (a {@link io.vigil.detect.compile.Predicate}
 * tree over shared field slots, its route keys and its prefilter: up to three clauses of literals,
 * {@link io.vigil.detect.compile.Prefilter});
 * {@link io.vigil.detect.compile.LogSourceRouting} and {@link io.vigil.detect.compile.FieldMapping} hold the
 * logsource and field-name tables (pySigma windows/sysmon/windows-audit pipelines);
 * {@link io.vigil.detect.compile.RoutePlan} evaluates the rules of one combination of routes behind the literal
 * prefilter: a pass over the event's own fields (keys looked up and values' lengths read in loops of their
 * own first, so the cold event's cache misses overlap), each key looked up once and its value scanned once by the
 * {@link io.vigil.detect.compile.LiteralIndex} automaton ({@link io.vigil.detect.compile.AhoCorasick},
 * case-insensitive) of every literal that key can concern (its slots' and the keyword literals; a value
 * filed under two keys, raw and ECS, is not searched again by the keyword-only scan); rules
 * without literals run only when a field they need is present ({@link io.vigil.detect.compile.RequiredFields}).
 *
 * <p>Invariants: a prefilter never drops a rule that would match (literal clauses and required fields are
 * necessary conditions; scanning a key for more slots than it supplies only reports more);
 * every field is looked up and lower-cased at most once per event, and only when a rule reads it
 * ({@link io.vigil.detect.compile.EventView}); a rule filed under several of an event's routes runs once.
 * Compiled structures are immutable and thread-safe; {@code RuleCompiler} and {@code EventView} are not.
 * Read {@code RuleCompiler} first.
 */
package io.vigil.detect.compile;
