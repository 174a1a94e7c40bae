/**
 * The exposure check: finds Elasticsearch, OpenSearch, Kibana, OpenSearch Dashboards, Graylog and Vigil
 * services that answer strangers, and says whether log data is readable without credentials (the seed
 * incident: an open log cluster, readable for 87 days). Used by {@code vigil exposure-check} and the
 * posture report; {@link io.vigil.web.exposure.ListenersFile} records the server's own listeners for
 * {@code --self}.
 *
 * <p>Read {@link io.vigil.web.exposure.ExposureCheck} first, then
 * {@link io.vigil.web.exposure.ServiceProbes} (how each product is recognised and judged) and
 * {@link io.vigil.web.exposure.Targets} (what may be scanned: CIDR ranges are capped at /24 and need
 * {@code --i-am-authorized} unless loopback).
 *
 * <p>Invariants: probes are unauthenticated GETs only; no credentials are ever sent, so any certificate is
 * accepted. Thread-safety: an {@code ExposureCheck} may run from several threads; its probes share one
 * HTTP client.
 */
package io.vigil.web.exposure;
