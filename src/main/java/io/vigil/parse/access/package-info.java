/**
 * Web server access logs to ECS {@code http.*}, {@code url.*}, {@code source.*}, {@code user_agent.original}:
 * {@link io.vigil.parse.access.AccessLogDecoder} (read first) for Apache/nginx common and combined lines,
 * {@link io.vigil.parse.access.W3cDecoder} for IIS W3C extended logs, whose {@code #Fields:} header it
 * remembers per source, and {@link io.vigil.parse.access.HttpFields} for the mapping they share.
 *
 * <p>Invariants: status codes, ports, byte counts and durations are {@code Long} or absent, never text;
 * {@code event.outcome} is success below status 400. Thread-safe: AccessLogDecoder is stateless, W3cDecoder
 * keeps its headers in a bounded concurrent map.
 */
package io.vigil.parse.access;
