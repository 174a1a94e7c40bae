package io.vigil.search;

import io.vigil.search.QueryToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a query into {@link QueryToken}s, each with its position.
 *
 * <p>Special characters end a word unless escaped with {@code \}: whitespace, {@code ( ) [ ] { } " < > :},
 * and the pairs {@code &&} and {@code ||}. A word starting with {@code -}, {@code +} or {@code !} is an
 * operator followed by a word. {@code /}, {@code .}, {@code @} and a {@code -} inside a word are ordinary,
 * so {@code 10.0.0.0/8} and {@code now-15m} need no escaping.
 *
 * <p>The one thing that depends on context is the <em>value position</em>: the token right after {@code :} or a
 * comparison, and everything inside range brackets. There a word may contain {@code :} (IPv6 addresses,
 * times), a leading {@code -}, {@code +} or {@code !} is part of the word ({@code field:-5}), and
 * {@code AND}/{@code OR}/{@code NOT} are plain words.
 */
final class QueryLexer {
    private final String query;
    private final List<QueryToken> tokens = new ArrayList<>();
    private int at;
    private boolean afterValueMarker;
    private boolean inRange;

    private QueryLexer(String query) {
        this.query = query;
    }

    static List<QueryToken> tokenize(String query) throws SearchException {
        QueryLexer lexer = new QueryLexer(query);
        lexer.run();
        return lexer.tokens;
    }

    private void run() throws SearchException {
        while (true) {
            while (at < query.length() && Character.isWhitespace(query.charAt(at))) at++;
            if (at >= query.length()) {
                tokens.add(QueryToken.symbol(Kind.EOF, "", query.length()));
                return;
            }
            boolean valuePosition = afterValueMarker || inRange;
            afterValueMarker = false;
            tokens.add(next(valuePosition));
        }
    }

    private QueryToken next(boolean valuePosition) throws SearchException {
        int start = at;
        char c = query.charAt(at);
        switch (c) {
            case '(': at++; return QueryToken.symbol(Kind.LPAREN, "(", start);
            case ')': at++; return QueryToken.symbol(Kind.RPAREN, ")", start);
            case '[': at++; inRange = true; return QueryToken.symbol(Kind.LBRACKET, "[", start);
            case '{': at++; inRange = true; return QueryToken.symbol(Kind.LBRACE, "{", start);
            case ']': at++; inRange = false; return QueryToken.symbol(Kind.RBRACKET, "]", start);
            case '}': at++; inRange = false; return QueryToken.symbol(Kind.RBRACE, "}", start);
            case ':': at++; afterValueMarker = true; return QueryToken.symbol(Kind.COLON, ":", start);
            case '"': return phrase();
            case '<', '>': return comparison();
            default: break;
        }
        if (pairAt(at, '&')) { at += 2; return QueryToken.symbol(Kind.AND, "&&", start); }
        if (pairAt(at, '|')) { at += 2; return QueryToken.symbol(Kind.OR, "||", start); }
        if (!valuePosition && (c == '-' || c == '+' || c == '!')) {
            at++;
            return QueryToken.symbol(c == '+' ? Kind.PLUS : c == '-' ? Kind.MINUS : Kind.NOT, String.valueOf(c), start);
        }
        QueryToken word = word(valuePosition);
        return valuePosition ? word : keyword(word);
    }

    private QueryToken comparison() {
        int start = at;
        at++;
        if (at < query.length() && query.charAt(at) == '=') at++;
        afterValueMarker = true;
        return QueryToken.symbol(Kind.COMPARE, query.substring(start, at), start);
    }

    private static QueryToken keyword(QueryToken word) {
        if (word.escaped()) return word;
        Kind kind = switch (word.text()) {
            case "AND", "and" -> Kind.AND;
            case "OR", "or" -> Kind.OR;
            case "NOT", "not" -> Kind.NOT;
            default -> null;
        };
        return kind == null ? word : QueryToken.symbol(kind, word.text(), word.position());
    }

    private boolean pairAt(int i, char c) {
        return query.charAt(i) == c && i + 1 < query.length() && query.charAt(i + 1) == c;
    }

    private boolean endsWord(int i, boolean valuePosition) {
        char c = query.charAt(i);
        return switch (c) {
            case '(', ')', '[', ']', '{', '}', '"', '<', '>' -> true;
            case ':' -> !valuePosition;
            case '&', '|' -> pairAt(i, c);
            default -> Character.isWhitespace(c);
        };
    }

    private QueryToken word(boolean valuePosition) throws SearchException {
        int start = at;
        StringBuilder text = new StringBuilder();
        StringBuilder pattern = new StringBuilder();
        boolean escaped = false;
        boolean wildcard = false;
        while (at < query.length() && !endsWord(at, valuePosition)) {
            char c = query.charAt(at);
            if (c == '\\') {
                if (at + 1 >= query.length()) {
                    throw new SearchException("the escape character '\\' at " + at
                            + " ends the query; write '\\\\' for a literal backslash", at);
                }
                char literal = query.charAt(at + 1);
                text.append(literal);
                if (literal == '*' || literal == '?' || literal == '\\') pattern.append('\\');
                pattern.append(literal);
                escaped = true;
                at += 2;
            } else {
                if (c == '*' || c == '?') wildcard = true;
                text.append(c);
                pattern.append(c);
                at++;
            }
        }
        return new QueryToken(Kind.WORD, text.toString(), wildcard ? pattern.toString() : null, escaped, start);
    }

    /** A quoted phrase: {@code \"} and {@code \\} are escapes; any other backslash is literal, for Windows paths. */
    private QueryToken phrase() throws SearchException {
        int start = at++;
        StringBuilder text = new StringBuilder();
        while (at < query.length()) {
            char c = query.charAt(at);
            if (c == '"') {
                at++;
                return new QueryToken(Kind.PHRASE, text.toString(), null, true, start);
            }
            if (c == '\\' && at + 1 < query.length() && (query.charAt(at + 1) == '"' || query.charAt(at + 1) == '\\')) {
                text.append(query.charAt(at + 1));
                at += 2;
            } else {
                text.append(c);
                at++;
            }
        }
        throw new SearchException("expected '\"' to close the phrase opened at " + start, at);
    }
}
