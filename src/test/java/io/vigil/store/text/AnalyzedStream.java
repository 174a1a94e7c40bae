package io.vigil.store.text;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/** Everything an analyzer's stream says about one value, as values that compare with equals. */
record AnalyzedStream(List<Token> tokens, int finalOffset, int finalPositionIncrement) {

    record Token(String term, int positionIncrement, int positionLength, int start, int end, String type) {
    }

    AnalyzedStream {
        tokens = List.copyOf(tokens);
    }

    /** The value as a Field(String) gives it to the analyzer. */
    static AnalyzedStream of(Analyzer analyzer, String field, String text) {
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            return consume(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value as a Field(Reader) gives it, read a few chars per call to exercise the read loop. */
    static AnalyzedStream ofTrickle(Analyzer analyzer, String field, String text, int charsPerRead) {
        try (TokenStream stream = analyzer.tokenStream(field, trickle(text, charsPerRead))) {
            return consume(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> terms() {
        return tokens.stream().map(Token::term).toList();
    }

    private static AnalyzedStream consume(TokenStream stream) throws IOException {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
        PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        TypeAttribute type = stream.addAttribute(TypeAttribute.class);
        List<Token> tokens = new ArrayList<>();
        stream.reset();
        while (stream.incrementToken()) {
            tokens.add(new Token(term.toString(), increment.getPositionIncrement(), length.getPositionLength(),
                    offset.startOffset(), offset.endOffset(), type.type()));
        }
        stream.end();
        return new AnalyzedStream(tokens, offset.endOffset(), increment.getPositionIncrement());
    }

    private static Reader trickle(String text, int charsPerRead) {
        return new StringReader(text) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, charsPerRead));
            }
        };
    }
}
