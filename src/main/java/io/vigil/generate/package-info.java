/**
 * Seeded generators of realistic events for the demo and the benchmarks. Templates come from a directory of
 * real logs when one is given (e.g. {@code ../shared/data}), else from a small built-in set written for
 * Vigil; hosts, users, IPs and times are rewritten so that a run looks like one fictional organisation.
 * Same seed, same templates → same events. Not thread-safe: one generator per thread. Read
 * {@link io.vigil.generate.EventGenerator} first.
 *
 * <p>{@link io.vigil.generate.KillChain} adds a scripted ransomware attack on the same organisation as timed
 * batches (phases in {@code KillChainPhases}, events built by {@code WindowsEvents}); every event it makes is
 * labelled {@code labels.synthetic: true} and tagged {@code synthetic}. It is deterministic and immutable;
 * the server's {@code KillChainReplay} sends it in real time.
 */
package io.vigil.generate;
