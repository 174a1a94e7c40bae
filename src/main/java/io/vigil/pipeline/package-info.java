/**
 * Moves durable raw batches from the journal through parse and detect into the store; decides commits and what the journal may release. Read {@code Pipeline} first.
 */
package io.vigil.pipeline;
