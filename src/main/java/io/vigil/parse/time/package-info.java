/**
 * Timestamp reading and writing for decoders: {@link io.vigil.parse.time.Timestamps} accepts ISO-8601,
 * epoch numbers and RFC 3164 dates without exceptions on the hot path and formats {@code @timestamp} as
 * ISO UTC with milliseconds. Immutable and thread-safe.
 */
package io.vigil.parse.time;
