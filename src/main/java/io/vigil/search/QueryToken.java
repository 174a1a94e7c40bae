package io.vigil.search;

/**
 * One token of a query.
 *
 * @param kind     what it is
 * @param text     the token with escapes removed (for {@link Kind#WORD} and {@link Kind#PHRASE}), else its symbol
 * @param pattern  for a word with unescaped {@code *} or {@code ?}: the wildcard pattern, where a literal
 *                 {@code *}, {@code ?} or {@code \} is escaped with {@code \}; null otherwise
 * @param escaped  true when the word contained an escape, so it can never be a keyword ({@code \AND})
 * @param position 0-based offset of the token's first character in the query
 */
record QueryToken(Kind kind, String text, String pattern, boolean escaped, int position) {

    enum Kind { WORD, PHRASE, LPAREN, RPAREN, LBRACKET, RBRACKET, LBRACE, RBRACE, COLON, COMPARE, AND, OR, NOT, PLUS, MINUS, EOF }

    static QueryToken symbol(Kind kind, String text, int position) {
        return new QueryToken(kind, text, null, false, position);
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** A word spelled exactly {@code keyword}, without escapes. */
    boolean isBareWord(String keyword) {
        return kind == Kind.WORD && !escaped && text.equals(keyword);
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of query";
            case PHRASE -> "\"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}
