/**
 * Values that flow through every stage: {@link io.vigil.event.RawBatch} (raw bytes as received) and {@link io.vigil.event.Event} (an ECS event with flattened dotted keys). No dependencies on any other Vigil package. Read {@link io.vigil.event.Event} first. Everything here is immutable and thread-safe.
 */
package io.vigil.event;
