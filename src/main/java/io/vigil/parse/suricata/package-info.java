/**
 * Suricata EVE JSON to ECS: {@link io.vigil.parse.suricata.SuricataEveNormalizer} (read first) is a
 * {@link io.vigil.parse.json.JsonNormalizer} that the JSON decoder applies to documents with
 * {@code event_type} and {@code timestamp}; it keeps the whole record under {@code suricata.eve.*} and adds
 * network, rule, HTTP, DNS, TLS and flow fields. Stateless and thread-safe.
 */
package io.vigil.parse.suricata;
