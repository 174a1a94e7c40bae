package io.vigil.store.text;

import java.io.CharArrayReader;
import java.io.IOException;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The real StandardAnalyzer chain (StandardTokenizer, max token length 255, then LowerCaseFilter; its
 * stop set is empty) for text with a non-ASCII char, which {@link AsciiWordScanner} does not handle.
 * {@link LogTextTokenizer} copies each token's attributes from here into its own.
 * <p>Not thread-safe: one instance per tokenizer, reused for every non-ASCII value.
 */
final class StandardFallback {

    private final StandardTokenizer tokenizer = new StandardTokenizer();
    private final TokenStream chain = new LowerCaseFilter(tokenizer);
    private final CharTermAttribute term = chain.addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = chain.addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute positionIncrement = chain.addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = chain.addAttribute(TypeAttribute.class);
    private boolean open;

    /** Starts tokenizing {@code text[0, length)}; the array must not change until {@link #finish}. */
    void start(char[] text, int length) throws IOException {
        tokenizer.setReader(new CharArrayReader(text, 0, length));
        open = true;
        chain.reset();
    }

    boolean next() throws IOException {
        return chain.incrementToken();
    }

    CharTermAttribute term() {
        return term;
    }

    OffsetAttribute offset() {
        return offset;
    }

    PositionIncrementAttribute positionIncrement() {
        return positionIncrement;
    }

    TypeAttribute type() {
        return type;
    }

    /** Ends the stream: {@link #offset()} and {@link #positionIncrement()} then hold the final values. */
    void end() throws IOException {
        chain.end();
    }

    /** Releases the reader, so that the next {@link #start} may set another; harmless when not started. */
    void close() throws IOException {
        if (open) {
            open = false;
            chain.close();
        }
    }
}
