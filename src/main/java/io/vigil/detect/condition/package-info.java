/**
 * The Sigma condition language: {@link io.vigil.detect.condition.ConditionParser} turns a condition string
 * into the sealed {@link io.vigil.detect.condition.Condition} tree ({@code and/or/not}, parentheses,
 * {@code 1|any|all|N of pattern|them}). Pure functions over immutable values; thread-safe.
 */
package io.vigil.detect.condition;
