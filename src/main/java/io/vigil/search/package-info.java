/**
 * Stage 6: the search language (Lucene/KQL-style) compiled to {@link io.vigil.store.StoreQuery}, time expressions, and the search API.
 */
package io.vigil.search;
