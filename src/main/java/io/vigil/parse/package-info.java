/**
 * Stage 3, parse: turns durable raw lines into ECS events. Bad input is a value (an event tagged
 * {@code _parse_failure} with {@code event.original} and {@code error.message}), never an exception.
 *
 * <p>Flow: {@link io.vigil.parse.DefaultEventParser} (read first) hands each line to a
 * {@link io.vigil.parse.DecoderChain}, which picks a {@link io.vigil.parse.Decoder} by configuration (index
 * or source name) or by detection; the decoder answers a sealed {@link io.vigil.parse.DecodeResult}. The
 * parser then adds {@code @timestamp}, {@code event.ingested}, {@code vigil.index} and
 * {@code log.source.address}. Subpackages hold the decoders: {@code json}, {@code windows}, {@code syslog},
 * and {@code time} for timestamp formats.
 *
 * <p>Invariants: exactly one event per line, in line order; ids come from
 * {@link io.vigil.parse.EventParser#eventId}; {@code StoredEvent.original} is the line's bytes unchanged.
 * Every class is thread-safe; one parser may serve many threads.
 */
package io.vigil.parse;
