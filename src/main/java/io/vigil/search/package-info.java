/**
 * Stage 6: the search API. An analyst's query string and request body become an
 * {@link io.vigil.store.SearchRequest} for the {@link io.vigil.store.EventStore}; its result becomes an
 * Elasticsearch-shaped JSON response.
 *
 * <h2>Flow</h2>
 * <pre>
 * body ─► SearchRequestReader ─┬─ QueryLexer ─► QueryParser ─► StoreQuery ─► DateMathResolver ─┐
 *                              ├─ TimeExpressions (from / to)                                    ├─► SearchRequest ─► store
 *                              └─ AggregationReader (aggs)                                       ┘
 * store ─► SearchResult ─► SearchResponseWriter (EventJson.toNested for _source) ─► response
 * </pre>
 * Read {@link io.vigil.search.SearchService} first, then {@link io.vigil.search.QueryParser} (its Javadoc has
 * the grammar and the reasons for its choices).
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>Every problem with a request is a {@link io.vigil.search.SearchException} (HTTP 400) saying what was
 *       expected, with the 0-based offset in the query when the query is at fault (else -1). Parsing never fails
 *       any other way: queries are limited to {@value io.vigil.search.QueryParser#MAX_LENGTH} characters and
 *       {@value io.vigil.search.QueryParser#MAX_DEPTH} levels of nesting. A failing store is an
 *       {@link java.io.UncheckedIOException} (HTTP 500).</li>
 *   <li>What the store receives: {@code field == null} means the default text field ({@code message});
 *       {@code Wildcard.pattern} uses {@code *} and {@code ?} as wildcards and {@code \} to escape a literal
 *       {@code *}, {@code ?} or {@code \} (Lucene's {@code WildcardQuery} syntax); a field's {@code *} alone is
 *       {@code Exists}; {@code Range} bounds written as date math ({@code now-1d/d}) arrive as epoch
 *       milliseconds, other bounds (numbers, ISO dates, IPs) as typed; CIDR ({@code 10.0.0.0/8}) arrives as a
 *       {@code Term} value for the store to interpret on ip fields.</li>
 *   <li>{@link io.vigil.search.QueryPrinter} prints any parsed query so that it parses back to the same
 *       {@link io.vigil.store.StoreQuery} (a jqwik property checks it).</li>
 * </ul>
 *
 * <h2>Thread-safety</h2>
 * {@link io.vigil.search.SearchService} is thread-safe if its store is; parsing creates its own state per call.
 */
package io.vigil.search;
