package io.vigil.store.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;

/**
 * A drop-in for {@code new StandardAnalyzer()} (StandardTokenizer with max token length 255, LowerCaseFilter,
 * empty stop set) that gives the same tokens — terms, position increments, offsets, types, final offset —
 * for every input, several times faster on ASCII text ({@link LogTextTokenizer}). Indexes written with either
 * analyzer are therefore interchangeable. Thread-safe like any Analyzer: it keeps one tokenizer per thread.
 */
public final class LogTextAnalyzer extends Analyzer {

    public LogTextAnalyzer() {
        // the default GLOBAL_REUSE_STRATEGY, as StandardAnalyzer
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new LogTextTokenizer());
    }

    /** As StandardAnalyzer: query terms that are not tokenized (wildcards, prefixes) are only lower-cased. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
