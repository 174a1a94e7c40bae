/**
 * Text analysis for the store's TEXT fields ({@code message} and the {@code .text} copies): the same tokens as
 * Lucene's {@code StandardAnalyzer}, produced several times faster on ASCII, which nearly all log text is.
 * Read {@link io.vigil.store.text.LogTextAnalyzer} first, then {@link io.vigil.store.text.LogTextTokenizer}
 * (reads a value, picks the path) and {@code AsciiWordScanner} (the word-break rules for ASCII).
 *
 * <h2>Invariant</h2>
 * For every input, {@code LogTextAnalyzer} emits exactly the stream of {@code new StandardAnalyzer()}: the
 * same terms, position increments, start/end offsets, token types and final offset. The store relies on it:
 * indexes written before it existed stay valid, and queries are analyzed by the same instance. Any value
 * with a non-ASCII char is handed whole to the real StandardTokenizer + LowerCaseFilter
 * ({@code StandardFallback}), so only the ASCII rules are re-implemented; the tests compare both analyzers
 * on generated strings, on hand-picked corner cases and on the real logs under {@code vigil.data}.
 *
 * <h2>Thread-safety</h2>
 * The analyzer is thread-safe (Lucene's reuse strategy keeps one tokenizer per thread and field); tokenizers
 * and the scanner are single-threaded.
 */
package io.vigil.store.text;
