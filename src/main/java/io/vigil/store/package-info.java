/**
 * Stage 5: the {@link io.vigil.store.EventStore} port and its embedded Lucene implementation: one index per UTC day, exactly-once with the journal via committed positions.
 */
package io.vigil.store;
