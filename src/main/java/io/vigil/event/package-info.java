/**
 * Values that flow through every stage: {@link io.vigil.event.RawBatch} (raw bytes as received) and {@link io.vigil.event.Event} (an ECS event with flattened dotted keys). No dependencies on any other Vigil package. Read {@link io.vigil.event.Event} first. {@link io.vigil.event.JsonBytes} holds the byte-level JSON scanning that ingest's {@code _bulk} check and parse's fast JSON reader must share (ingest may not import parse). Everything here is immutable or stateless, and thread-safe.
 */
package io.vigil.event;
