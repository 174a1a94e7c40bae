package io.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryParserErrorsTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("foo (bar", 8, "expected ')' to close '(' opened at 4, found end of query"),
                Arguments.of("(a b c]", 6, "expected ')' to close '(' opened at 0, found ']'"),
                Arguments.of("a AND", 5, "unexpected end of query after 'AND'; expected a term"),
                Arguments.of("a OR", 4, "unexpected end of query after 'OR'"),
                Arguments.of("NOT", 3, "unexpected end of query after 'NOT'"),
                Arguments.of("a -", 3, "unexpected end of query after '-'"),
                Arguments.of("a AND OR b", 6, "expected a term after 'AND' at 2, found 'OR'"),
                Arguments.of("AND a", 0, "unexpected 'AND' at 0; expected a term before it"),
                Arguments.of("a )", 2, "unexpected ')' at 2; no '(' is open"),
                Arguments.of("()", 1, "expected a term after '(' at 0, found ')'"),
                Arguments.of("host.name:", 10, "unexpected end of query after 'host.name:'; expected a value"),
                Arguments.of("host.name: )", 11, "unexpected ')' at 11"),
                Arguments.of(":x", 0, "unexpected ':' at 0; expected a field name before it"),
                Arguments.of("a:b:c d:)", 8, "unexpected ')' at 8"),
                Arguments.of("\"open phrase", 12, "expected '\"' to close the phrase opened at 0"),
                Arguments.of("x \"", 3, "expected '\"' to close the phrase opened at 2"),
                Arguments.of("trailing\\", 8, "the escape character '\\' at 8 ends the query"),
                Arguments.of("bytes:[1 TO", 11, "unexpected end of query after 'TO'; expected a bound"),
                Arguments.of("bytes:[1 2]", 9, "expected 'TO' in the range opened at 6, found '2'"),
                Arguments.of("bytes:[1 TO 2", 13, "expected ']' or '}' to close the range opened at 6, found end of query"),
                Arguments.of("bytes:[TO 2]", 7, "expected a bound after '[' at 6, found 'TO'"),
                Arguments.of("bytes:>=", 8, "unexpected end of query after '>='; expected a bound"),
                Arguments.of("bytes >= (", 9, "expected a bound after '>=' at 6, found '('"),
                Arguments.of("[1 TO 2]", 0, "unexpected '[' at 0; a range needs a field"),
                Arguments.of("a >", 3, "unexpected end of query after '>'"),
                Arguments.of("> 5", 0, "unexpected '>' at 0; a range needs a field"),
                Arguments.of("a ]", 2, "unexpected ']' at 2; no range is open"),
                Arguments.of("host*:x", 0, "wildcards are not supported in field names ('host*')"),
                Arguments.of("_exists_:(a)", 9, "expected a field name after '_exists_:', found '('"),
                Arguments.of("\"\":x", 2, "unexpected ':' at 2"));
    }

    @ParameterizedTest(name = "[{index}] <{0}>")
    @MethodSource("errors")
    void reportsWhatWasExpectedAndWhere(String query, int position, String message) {
        SearchException e = catchThrowableOfType(SearchException.class, () -> QueryParser.parse(query));
        assertThat(e).as("parse(%s)", query).isNotNull();
        assertThat(e.getMessage()).startsWith(message);
        assertThat(e.position()).isEqualTo(position);
    }

    @Test
    void rejectsQueriesLongerThanTheLimit() {
        String tooLong = "a".repeat(QueryParser.MAX_LENGTH + 1);
        assertThatThrownBy(() -> QueryParser.parse(tooLong)).isInstanceOf(SearchException.class)
                .hasMessage("the query is 10001 characters long; the limit is 10000, shorten it");
    }

    @Test
    void acceptsQueriesAtTheLengthLimit() throws SearchException {
        String longest = "a".repeat(QueryParser.MAX_LENGTH);
        assertThat(QueryParser.parse(longest)).isEqualTo(QueryParserTest.word(longest));
    }

    @Test
    void acceptsNestingUpToTheDepthLimitAndRejectsOneMore() throws SearchException {
        int limit = QueryParser.MAX_DEPTH;
        assertThat(QueryParser.parse("(".repeat(limit) + "a" + ")".repeat(limit))).isEqualTo(QueryParserTest.word("a"));
        SearchException e = catchThrowableOfType(SearchException.class,
                () -> QueryParser.parse("(".repeat(limit + 1) + "a" + ")".repeat(limit + 1)));
        assertThat(e.getMessage()).isEqualTo("the query nests parentheses or NOTs deeper than 100 levels at 100; simplify it");
        assertThat(e.position()).isEqualTo(limit);
    }

    @Test
    void countsNotsTowardsTheDepthLimit() {
        assertThatThrownBy(() -> QueryParser.parse("NOT ".repeat(2_000) + "a")).isInstanceOf(SearchException.class)
                .hasMessageContaining("deeper than 100 levels");
        assertThatThrownBy(() -> QueryParser.parse("-!".repeat(4_000) + "a")).isInstanceOf(SearchException.class)
                .hasMessageContaining("deeper than 100 levels");
    }
}
