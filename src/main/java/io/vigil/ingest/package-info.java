/**
 * Stage 1: inputs (HTTP JSON, Elasticsearch {@code _bulk}, syslog, Kafka) that turn what senders send into {@link io.vigil.event.RawBatch}es and hand them to an {@link io.vigil.ingest.IngestGateway}, acknowledging only when it says the batch is durable.
 */
package io.vigil.ingest;
