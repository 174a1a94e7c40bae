/**
 * Seeded generators of realistic events for the demo and the benchmarks. Templates come from a directory of
 * real logs when one is given (e.g. {@code ../shared/data}), else from a small built-in set written for
 * Vigil; hosts, users, IPs and times are rewritten so that a run looks like one fictional organisation.
 * Same seed, same templates → same events. Not thread-safe: one generator per thread. Read
 * {@link io.vigil.generate.EventGenerator} first.
 */
package io.vigil.generate;
