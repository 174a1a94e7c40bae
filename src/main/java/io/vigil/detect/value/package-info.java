/**
 * Sigma values: {@link io.vigil.detect.value.SigmaString} (wildcards and pySigma escaping),
 * {@link io.vigil.detect.value.Modifier} (the name table) and {@link io.vigil.detect.value.ValueCompiler},
 * which applies a modifier chain to a detection item's values and yields a
 * {@link io.vigil.detect.value.FieldCheck} made of {@link io.vigil.detect.value.ValueTest}s.
 *
 * <p>Invariants: case-insensitive unless {@code cased} (tests receive the value and its lower-cased form);
 * regular expressions are RE2 (linear time); nothing here resolves names or touches the network.
 * Everything is immutable and thread-safe. Read {@code ValueCompiler} first.
 */
package io.vigil.detect.value;
