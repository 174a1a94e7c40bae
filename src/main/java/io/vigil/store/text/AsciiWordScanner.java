package io.vigil.store.text;

/**
 * The word-break rules of Lucene's {@code StandardTokenizer} (UAX #29 as its JFlex grammar applies them),
 * restricted to ASCII text, plus its 255-char token window. Checked character by character against
 * {@code StandardTokenizer} (see {@code LogTextAnalyzerCasesTest}); what ASCII contributes to each rule:
 * <ul>
 *   <li>Letters {@code A-Z a-z} (ALetter) and digits {@code 0-9} (Numeric) join each other in any order
 *       (WB5, WB8, WB9, WB10): {@code ssh2}, {@code 1a}.</li>
 *   <li>{@code _} (ExtendNumLet) joins letters and digits on either side, any number of them (WB13a/b):
 *       {@code foo_bar}, {@code ___a}, {@code a___}; a run of {@code _} touching no letter or digit is no token.</li>
 *   <li>One {@code :} between two letters (MidLetter), one {@code ,} or {@code ;} between two digits (MidNum),
 *       one {@code .} or {@code '} between two letters or two digits (MidNumLet, Single_Quote) keep the word
 *       together (WB6/7, WB11/12): {@code a:b}, {@code 1,000.5}, {@code don't}. Not {@code 1:2}, {@code a.1},
 *       {@code a_.b}, {@code a..b}.</li>
 *   <li>Every other ASCII char (space, controls, {@code - @ / " # *} ...) is a break and never part of a token;
 *       {@code "} joins only Hebrew letters (WB7b/c), and {@code # *} digits form emoji only before U+20E3.</li>
 * </ul>
 * A token is the longest match that fits in 255 chars from its start, because StandardTokenizer's scanner
 * buffer is that long and treats a full buffer as the end of input; scanning then resumes right after it.
 * So 300 letters give tokens of 255 and 45, and {@code 254 letters + ".b"} gives 254 letters and {@code b}.
 * <p>Not thread-safe: one instance per tokenizer.
 */
final class AsciiWordScanner {

    /** StandardAnalyzer's default max token length, which is also its scanner's buffer size. */
    static final int MAX_TOKEN_LENGTH = 255;

    // Flags per ASCII char. A mid char's MID_* bits say which kind it may join: LETTER << 4 or DIGIT << 4.
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte WORD = 4;               // letters, digits and '_' (ExtendNumLet)
    private static final byte MID_AFTER_LETTER = 16;  // ':' (MidLetter); also '.' '\''
    private static final byte MID_AFTER_DIGIT = 32;   // ',' ';' (MidNum); also '.' '\''

    private static final byte[] FLAGS = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            FLAGS[c] = LETTER | WORD;
            FLAGS[Character.toUpperCase(c)] = LETTER | WORD;
        }
        for (char c = '0'; c <= '9'; c++) {
            FLAGS[c] = DIGIT | WORD;
        }
        FLAGS['_'] = WORD;
        FLAGS[':'] = MID_AFTER_LETTER;
        FLAGS[','] = MID_AFTER_DIGIT;
        FLAGS[';'] = MID_AFTER_DIGIT;
        FLAGS['.'] = MID_AFTER_LETTER | MID_AFTER_DIGIT;
        FLAGS['\''] = MID_AFTER_LETTER | MID_AFTER_DIGIT;
    }

    private char[] text = new char[0];
    private int length;
    private int position;
    private int tokenStart;
    private int tokenEnd;
    private boolean tokenHasLetter;

    /** Starts over on {@code text[0, length)}, which must be all ASCII (chars below 128). */
    void reset(char[] text, int length) {
        this.text = text;
        this.length = length;
        this.position = 0;
    }

    /** Finds the next token; false at the end of the text. Then read {@link #start()}, {@link #end()}. */
    boolean next() {
        int start = nextTokenStart(position);
        if (start >= length) {
            position = length;
            return false;
        }
        tokenStart = start;
        tokenEnd = longestMatchEnd(start, Math.min(length, start + MAX_TOKEN_LENGTH));
        position = tokenEnd;
        return true;
    }

    int start() {
        return tokenStart;
    }

    int end() {
        return tokenEnd;
    }

    /** StandardTokenizer types a token without letters {@code <NUM>}, any other {@code <ALPHANUM>}. */
    boolean isNumeric() {
        return !tokenHasLetter;
    }

    /**
     * Where the next token starts, or {@code length}. A run of {@code _} starts a token only if a letter or
     * digit follows it within the 255-char window; a longer run loses its first chars, one per scan, as
     * StandardTokenizer skips them one at a time.
     */
    private int nextTokenStart(int from) {
        char[] t = text;
        int i = from;
        while (i < length) {
            char c = t[i];
            if (c != '_') {
                if ((FLAGS[c] & WORD) != 0) {
                    return i;
                }
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < length && t[runEnd] == '_') {
                runEnd++;
            }
            if (runEnd < length && (FLAGS[t[runEnd]] & (LETTER | DIGIT)) != 0) {
                return Math.max(i, runEnd - (MAX_TOKEN_LENGTH - 1));
            }
            i = runEnd;
        }
        return length;
    }

    /**
     * The end of the longest token starting at {@code start} (a letter or digit, or {@code _}s before one)
     * that ends at or before {@code limit}: runs of word chars, joined by single mid chars that have the same
     * kind, letter or digit, right before and right after them.
     */
    private int longestMatchEnd(int start, int limit) {
        char[] t = text;
        int i = start;
        int seen = 0;
        while (true) {
            while (i < limit) {
                int flags = FLAGS[t[i]];
                if ((flags & WORD) == 0) {
                    break;
                }
                seen |= flags;
                i++;
            }
            if (i + 1 >= limit) {
                break;
            }
            int kind = FLAGS[t[i - 1]] & (LETTER | DIGIT);
            if (kind == 0 || (FLAGS[t[i]] & (kind << 4)) == 0 || (FLAGS[t[i + 1]] & kind) == 0) {
                break;
            }
            i++;
        }
        tokenHasLetter = (seen & LETTER) != 0;
        return i;
    }
}
