package io.vigil.search;

import io.vigil.search.QueryToken.Kind;
import io.vigil.store.StoreQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles the analyst query language (Lucene/KQL style) to a {@link StoreQuery}. Recursive descent over
 * the tokens of {@link QueryLexer}:
 *
 * <pre>
 * query   := [or] EOF                       empty or "*" = MatchAll
 * or      := and (OR and)*                  OR, or, ||
 * and     := unary ([AND] unary)*           AND, and, &amp;&amp;; adjacent clauses are ANDed
 * unary   := (NOT | '-' | '!') unary | '+' unary | primary
 * primary := '(' or ')' | field ':' value | field COMPARE bound | value
 * value   := '(' or ')' | COMPARE bound | range | PHRASE | WORD
 * range   := ('[' | '{') bound 'TO' bound (']' | '}')     "*" = open bound
 * </pre>
 *
 * <p><b>Adjacent clauses mean AND.</b> Lucene's classic parser defaults to OR and KQL to AND-less "should";
 * analysts typing {@code user.name:bob event.code:4625} expect both to hold, so Vigil chooses AND. A leading
 * {@code +} is accepted and changes nothing; a leading {@code -} is NOT.
 *
 * <p><b>Canonical shapes</b> (what {@link QueryPrinter} relies on): an AND of several clauses is one
 * {@code Bool} whose {@code must} holds the positive clauses and {@code mustNot} the operands of negated
 * ones; a lone {@code NOT x} is {@code Bool.not(x)}; an OR is {@code Bool.or}; parentheses add no node.
 *
 * <p>Limits: {@value #MAX_LENGTH} characters and {@value #MAX_DEPTH} levels of parentheses and NOTs, so
 * no input can exhaust the stack. Every error is a {@link SearchException} with the offending offset.
 * Not thread-safe; create one per query via {@link #parse}.
 */
public final class QueryParser {
    public static final int MAX_LENGTH = 10_000;
    public static final int MAX_DEPTH = 100;
    static final String EXISTS_FIELD = "_exists_";

    private final List<QueryToken> tokens;
    private int next;
    private int depth;

    private QueryParser(List<QueryToken> tokens) {
        this.tokens = tokens;
    }

    /** Parses one query; null, empty, blank or {@code *} give MatchAll. */
    public static StoreQuery parse(String query) throws SearchException {
        if (query == null) return StoreQuery.all();
        if (query.length() > MAX_LENGTH) {
            throw new SearchException("the query is " + query.length() + " characters long; the limit is "
                    + MAX_LENGTH + ", shorten it", MAX_LENGTH);
        }
        QueryParser parser = new QueryParser(QueryLexer.tokenize(query));
        if (parser.peek().is(Kind.EOF)) return StoreQuery.all();
        StoreQuery result = parser.or(null);
        QueryToken extra = parser.peek();
        if (!extra.is(Kind.EOF)) throw parser.unexpected(extra);
        return result;
    }

    private StoreQuery or(String field) throws SearchException {
        List<StoreQuery> any = new ArrayList<>();
        any.add(and(field));
        while (peek().is(Kind.OR)) {
            QueryToken op = take();
            requireClauseAfter(op);
            any.add(and(field));
        }
        return any.size() == 1 ? any.get(0) : StoreQuery.Bool.or(any);
    }

    private StoreQuery and(String field) throws SearchException {
        List<StoreQuery> clauses = new ArrayList<>();
        clauses.add(unary(field));
        while (true) {
            if (peek().is(Kind.AND)) {
                requireClauseAfter(take());
            } else if (!startsClause(peek())) {
                break;
            }
            clauses.add(unary(field));
        }
        if (clauses.size() == 1) return clauses.get(0);
        List<StoreQuery> must = new ArrayList<>();
        List<StoreQuery> mustNot = new ArrayList<>();
        for (StoreQuery clause : clauses) {
            if (isSingleNegation(clause)) mustNot.add(((StoreQuery.Bool) clause).mustNot().get(0));
            else must.add(clause);
        }
        return new StoreQuery.Bool(must, List.of(), mustNot);
    }

    static boolean isSingleNegation(StoreQuery q) {
        return q instanceof StoreQuery.Bool b && b.must().isEmpty() && b.should().isEmpty() && b.mustNot().size() == 1;
    }

    private StoreQuery unary(String field) throws SearchException {
        QueryToken token = peek();
        if (token.is(Kind.NOT) || token.is(Kind.MINUS) || token.is(Kind.PLUS)) {
            take();
            requireClauseAfter(token);
            enter(token);
            StoreQuery operand = unary(field);
            depth--;
            return token.is(Kind.PLUS) ? operand : StoreQuery.Bool.not(operand);
        }
        return primary(field);
    }

    private StoreQuery primary(String field) throws SearchException {
        QueryToken token = peek();
        if (token.is(Kind.LPAREN)) return group(field);
        if (token.is(Kind.WORD) && peekAt(1).is(Kind.COLON)) {
            take();
            take();
            return token.isBareWord(EXISTS_FIELD) ? existsValue() : value(fieldName(token));
        }
        if (token.is(Kind.WORD) && peekAt(1).is(Kind.COMPARE)) {
            take();
            return comparison(fieldName(token), take());
        }
        return value(field);
    }

    private StoreQuery group(String field) throws SearchException {
        QueryToken open = take();
        requireClauseAfter(open);
        enter(open);
        StoreQuery inner = or(field);
        depth--;
        QueryToken close = peek();
        if (!close.is(Kind.RPAREN)) {
            throw new SearchException("expected ')' to close '(' opened at " + open.position() + ", found "
                    + close.describe(), close.position());
        }
        take();
        return inner;
    }

    /** After {@code _exists_:} (unescaped; {@code \_exists_:x} is an ordinary field). */
    private StoreQuery existsValue() throws SearchException {
        QueryToken token = peek();
        if (token.is(Kind.WORD) || token.is(Kind.PHRASE)) {
            take();
            return new StoreQuery.Exists(token.text());
        }
        if (token.is(Kind.EOF)) {
            throw new SearchException("unexpected end of query after '" + EXISTS_FIELD + ":'; expected a field name",
                    token.position());
        }
        throw new SearchException("expected a field name after '" + EXISTS_FIELD + ":', found " + token.describe(),
                token.position());
    }

    private StoreQuery value(String field) throws SearchException {
        QueryToken token = peek();
        switch (token.kind()) {
            case LPAREN:
                if (field == null) break;
                return group(field);
            case COMPARE:
                if (field == null) break;
                return comparison(field, take());
            case LBRACKET, LBRACE:
                if (field == null) break;
                return RangeSyntax.parse(this, field);
            case PHRASE:
                take();
                return new StoreQuery.Phrase(field, token.text());
            case WORD:
                take();
                return word(field, token);
            case EOF:
                if (field == null) break;
                throw new SearchException("unexpected end of query after '" + field + ":'; expected a value",
                        token.position());
            default:
                break;
        }
        throw unexpected(token);
    }

    private static StoreQuery word(String field, QueryToken token) {
        if (token.pattern() == null) return new StoreQuery.Term(field, token.text());
        if (token.pattern().equals("*")) return field == null ? StoreQuery.all() : new StoreQuery.Exists(field);
        return new StoreQuery.Wildcard(field, token.pattern());
    }

    private StoreQuery comparison(String field, QueryToken operator) throws SearchException {
        String bound = RangeSyntax.bound(this, operator);
        boolean inclusive = operator.text().endsWith("=");
        return operator.text().startsWith(">")
                ? new StoreQuery.Range(field, bound, inclusive, null, false)
                : new StoreQuery.Range(field, null, false, bound, inclusive);
    }

    private static String fieldName(QueryToken token) throws SearchException {
        if (token.pattern() != null) {
            throw new SearchException("wildcards are not supported in field names ('" + token.text()
                    + "'); name the field exactly", token.position());
        }
        if (token.text().isEmpty()) throw new SearchException("empty field name", token.position());
        return token.text();
    }

    private static boolean startsClause(QueryToken t) {
        return switch (t.kind()) {
            // ranges and comparisons start a clause inside a field group; elsewhere value() explains the problem
            case WORD, PHRASE, LPAREN, NOT, MINUS, PLUS, LBRACKET, LBRACE, COMPARE -> true;
            default -> false;
        };
    }

    private void requireClauseAfter(QueryToken operator) throws SearchException {
        QueryToken following = peek();
        if (startsClause(following)) return;
        if (following.is(Kind.EOF)) {
            throw new SearchException("unexpected end of query after " + operator.describe() + "; expected a term",
                    following.position());
        }
        throw new SearchException("expected a term after " + operator.describe() + " at " + operator.position()
                + ", found " + following.describe(), following.position());
    }

    private void enter(QueryToken token) throws SearchException {
        if (++depth > MAX_DEPTH) {
            throw new SearchException("the query nests parentheses or NOTs deeper than " + MAX_DEPTH
                    + " levels at " + token.position() + "; simplify it", token.position());
        }
    }

    SearchException unexpected(QueryToken token) {
        String hint = switch (token.kind()) {
            case RPAREN -> "; no '(' is open";
            case AND, OR -> "; expected a term before it";
            case COLON -> "; expected a field name before it";
            case LBRACKET, LBRACE, COMPARE -> "; a range needs a field, e.g. 'bytes:[1 TO 5]' or 'bytes >= 5'";
            case RBRACKET, RBRACE -> "; no range is open";
            default -> "";
        };
        return new SearchException("unexpected " + token.describe() + " at " + token.position() + hint, token.position());
    }

    QueryToken peek() {
        return tokens.get(next);
    }

    private QueryToken peekAt(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    QueryToken take() {
        QueryToken t = tokens.get(next);
        if (!t.is(Kind.EOF)) next++;
        return t;
    }
}
