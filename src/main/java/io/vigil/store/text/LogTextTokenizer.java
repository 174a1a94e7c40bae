package io.vigil.store.text;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * StandardTokenizer + LowerCaseFilter in one stream, fast on ASCII. {@link #reset()} reads the whole value;
 * if every char is ASCII, it is lower-cased in the same pass, {@link AsciiWordScanner} splits it and each term
 * is one block copy; otherwise the value goes through {@link StandardFallback}, the real chain. Either way the
 * terms, position increments (always 1: no token is ever dropped), offsets, types and the final offset are
 * StandardAnalyzer's.
 * <p>Not thread-safe, like every TokenStream; the analyzer keeps one per thread and field.
 */
public final class LogTextTokenizer extends Tokenizer {

    private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];
    private static final String NUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];
    /** A buffer grown past this for one huge value is dropped afterwards rather than kept per thread. */
    private static final int KEPT_BUFFER_CHARS = 1 << 16;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute positionIncrement = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final AsciiWordScanner scanner = new AsciiWordScanner();
    private StandardFallback fallback;
    private boolean usingFallback;
    private char[] text = new char[1024];
    /** {@code text} with ASCII letters lower-cased: the scanner reads it and terms are copied from it. */
    private char[] lowerCase = new char[1024];
    private int length;

    @Override
    public void reset() throws IOException {
        super.reset();
        boolean ascii = readAll();
        usingFallback = !ascii;
        if (ascii) {
            scanner.reset(lowerCase, length);
        } else {
            if (fallback == null) {
                fallback = new StandardFallback();
            }
            fallback.start(text, length);
        }
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (usingFallback) {
            return nextFromFallback();
        }
        if (!scanner.next()) {
            return false;
        }
        int start = scanner.start();
        int tokenLength = scanner.end() - start;
        term.copyBuffer(lowerCase, start, tokenLength);
        offset.setOffset(correctOffset(start), correctOffset(start + tokenLength));
        type.setType(scanner.isNumeric() ? NUM : ALPHANUM);
        return true;
    }

    private boolean nextFromFallback() throws IOException {
        if (!fallback.next()) {
            return false;
        }
        CharTermAttribute from = fallback.term();
        term.copyBuffer(from.buffer(), 0, from.length());
        positionIncrement.setPositionIncrement(fallback.positionIncrement().getPositionIncrement());
        offset.setOffset(correctOffset(fallback.offset().startOffset()), correctOffset(fallback.offset().endOffset()));
        type.setType(fallback.type().type());
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int finalOffset = length;
        if (usingFallback) {
            fallback.end();
            finalOffset = fallback.offset().endOffset();
            positionIncrement.setPositionIncrement(fallback.positionIncrement().getPositionIncrement());
        }
        offset.setOffset(correctOffset(finalOffset), correctOffset(finalOffset));
    }

    @Override
    public void close() throws IOException {
        super.close();
        if (fallback != null) {
            fallback.close();
        }
        usingFallback = false;
        length = 0;
        if (text.length > KEPT_BUFFER_CHARS) {
            text = new char[1024];
            lowerCase = new char[1024];
        }
    }

    /** Reads the whole input into {@code text} and {@code lowerCase}; true if every char is ASCII. */
    private boolean readAll() throws IOException {
        int total = 0;
        while (true) {
            if (total == text.length) {
                text = Arrays.copyOf(text, text.length * 2);
            }
            int read = input.read(text, total, text.length - total);
            if (read < 0) {
                break;
            }
            total += read;
        }
        length = total;
        if (lowerCase.length < text.length) {
            lowerCase = new char[text.length];
        }
        return lowerCaseAscii(text, lowerCase, total);
    }

    /**
     * Copies {@code from} to {@code to} with {@code A-Z} lower-cased, in one branch-free pass over the value;
     * true if every char is ASCII (else {@code to} is not used). Lower-casing first lets a term be copied in
     * one block, which is faster than lower-casing each short term as it is copied.
     */
    private static boolean lowerCaseAscii(char[] from, char[] to, int length) {
        int seen = 0;
        for (int i = 0; i < length; i++) {
            char c = from[i];
            seen |= c;
            to[i] = (char) ((char) (c - 'A') < 26 ? c | 0x20 : c);  // the char cast makes c < 'A' large
        }
        return seen < 0x80;
    }
}
