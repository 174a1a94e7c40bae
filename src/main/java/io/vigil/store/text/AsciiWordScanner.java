package io.vigil.store.text;

/**
 * The word-break rules of Lucene's {@code StandardTokenizer} (UAX #29 as its JFlex grammar applies them),
 * restricted to ASCII text, plus its 255-char token window. Checked character by character against
 * {@code StandardTokenizer} (see {@code AsciiWordCasesTest}); what ASCII contributes to each rule:
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

    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte UNDERSCORE = 3;
    private static final byte MID_LETTER = 4;      // ':' : only between letters
    private static final byte MID_NUM = 5;         // ',' ';' : only between digits
    private static final byte MID_NUM_LETTER = 6;  // '.' '\'' : between letters or between digits

    private static final byte[] CLASS = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            CLASS[c] = LETTER;
            CLASS[Character.toUpperCase(c)] = LETTER;
        }
        for (char c = '0'; c <= '9'; c++) {
            CLASS[c] = DIGIT;
        }
        CLASS['_'] = UNDERSCORE;
        CLASS[':'] = MID_LETTER;
        CLASS[','] = MID_NUM;
        CLASS[';'] = MID_NUM;
        CLASS['.'] = MID_NUM_LETTER;
        CLASS['\''] = MID_NUM_LETTER;
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
        int i = from;
        while (i < length) {
            byte kind = CLASS[text[i]];
            if (kind == LETTER || kind == DIGIT) {
                return i;
            }
            if (kind != UNDERSCORE) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < length && text[runEnd] == '_') {
                runEnd++;
            }
            if (runEnd < length && isLetterOrDigit(CLASS[text[runEnd]])) {
                return Math.max(i, runEnd - (MAX_TOKEN_LENGTH - 1));
            }
            i = runEnd;
        }
        return length;
    }

    /** The end of the longest token starting at {@code start} that ends at or before {@code limit}. */
    private int longestMatchEnd(int start, int limit) {
        char[] t = text;
        int i = start;
        byte previous = UNDERSCORE;
        boolean letter = false;
        while (i < limit) {
            byte kind = CLASS[t[i]];
            switch (kind) {
                case LETTER -> letter = true;
                case DIGIT, UNDERSCORE -> { }
                case MID_LETTER, MID_NUM, MID_NUM_LETTER -> {
                    // a mid char joins only with the same kind (letter or digit) right before and right after it
                    byte after = i + 1 < limit ? CLASS[t[i + 1]] : OTHER;
                    if (after != previous || !joins(kind, after)) {
                        tokenHasLetter = letter;
                        return i;
                    }
                    i++;
                }
                default -> {
                    tokenHasLetter = letter;
                    return i;
                }
            }
            previous = CLASS[t[i]];
            i++;
        }
        tokenHasLetter = letter;
        return i;
    }

    private static boolean joins(byte mid, byte neighbour) {
        return switch (mid) {
            case MID_LETTER -> neighbour == LETTER;
            case MID_NUM -> neighbour == DIGIT;
            default -> neighbour == LETTER || neighbour == DIGIT;
        };
    }

    private static boolean isLetterOrDigit(byte kind) {
        return kind == LETTER || kind == DIGIT;
    }
}
