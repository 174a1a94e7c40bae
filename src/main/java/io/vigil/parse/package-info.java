/**
 * Stage 3, parse: turns durable raw lines into ECS events. Bad input is a value (an event tagged
 * {@code _parse_failure} with {@code event.original} and {@code error.message}), never an exception.
 *
 * <p>Flow: {@link io.vigil.parse.DefaultEventParser} (read first) hands each line to a
 * {@link io.vigil.parse.DecoderChain}, which picks a {@link io.vigil.parse.Decoder} by configuration (index
 * or source name) or by detection; the decoder answers a sealed {@link io.vigil.parse.DecodeResult}. The
 * parser then adds {@code @timestamp}, {@code event.ingested}, {@code vigil.index} and
 * {@code log.source.address}. A decoder whose format depends on earlier lines of the same source (IIS W3C)
 * gets the line's {@link io.vigil.parse.LineOrigin}. JSON documents carrying a raw line in {@code message}
 * go through {@link io.vigil.parse.MessageDecoders}. Subpackages hold the decoders: {@code json},
 * {@code windows}, {@code syslog} (with Linux auth, Postfix and netfilter enrichment), {@code access} (Apache,
 * nginx, IIS), {@code suricata}, {@code app} (Apache error, Hadoop, Windows CBS, supercomputer syslog), and
 * {@code time} for timestamp formats; {@code health} tracks per-source rates, failures and silence.
 *
 * <p>Invariants: exactly one event per line, in line order; ids come from
 * {@link io.vigil.parse.EventParser#eventId}; {@code StoredEvent.original} is the line's bytes unchanged.
 * Every class is thread-safe; one parser may serve many threads (the IIS decoder's per-source headers assume
 * a source's lines are parsed in order, which the journal guarantees).
 */
package io.vigil.parse;
