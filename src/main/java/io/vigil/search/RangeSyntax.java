package io.vigil.search;

import io.vigil.search.QueryToken.Kind;
import io.vigil.store.StoreQuery;

/**
 * Ranges: {@code field:[a TO b]} (inclusive), {@code {a TO b}} (exclusive), mixed {@code [a TO b}}, an
 * unescaped {@code *} as an open bound; and the bound after a comparison ({@code field:>=5}).
 * Bounds stay text: the store interprets numbers, dates ({@code now-15m}), and IPs by the field's type.
 */
final class RangeSyntax {
    private RangeSyntax() {}

    static StoreQuery parse(QueryParser parser, String field) throws SearchException {
        QueryToken open = parser.take();
        String lower = bound(parser, open);
        QueryToken to = parser.peek();
        if (!to.isBareWord("TO")) {
            throw new SearchException("expected 'TO' in the range opened at " + open.position() + ", found "
                    + to.describe(), to.position());
        }
        parser.take();
        String upper = bound(parser, to);
        QueryToken close = parser.peek();
        if (!close.is(Kind.RBRACKET) && !close.is(Kind.RBRACE)) {
            throw new SearchException("expected ']' or '}' to close the range opened at " + open.position()
                    + ", found " + close.describe(), close.position());
        }
        parser.take();
        return new StoreQuery.Range(field, lower, open.is(Kind.LBRACKET), upper, close.is(Kind.RBRACKET));
    }

    /** The bound after {@code after}: a word, a quoted text, or {@code *} for "unbounded" (null). */
    static String bound(QueryParser parser, QueryToken after) throws SearchException {
        QueryToken token = parser.peek();
        if (token.is(Kind.PHRASE)) {
            parser.take();
            return token.text();
        }
        if (token.is(Kind.WORD) && !token.isBareWord("TO")) {
            parser.take();
            return "*".equals(token.pattern()) ? null : token.text();
        }
        if (token.is(Kind.EOF)) {
            throw new SearchException("unexpected end of query after " + after.describe() + "; expected a bound",
                    token.position());
        }
        throw new SearchException("expected a bound after " + after.describe() + " at " + after.position()
                + ", found " + token.describe(), token.position());
    }
}
