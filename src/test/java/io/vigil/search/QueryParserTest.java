package io.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.store.StoreQuery;
import io.vigil.store.StoreQuery.Bool;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryParserTest {

    static StoreQuery term(String field, String value) { return new StoreQuery.Term(field, value); }
    static StoreQuery word(String value) { return new StoreQuery.Term(null, value); }
    static StoreQuery phrase(String field, String text) { return new StoreQuery.Phrase(field, text); }
    static StoreQuery wildcard(String field, String pattern) { return new StoreQuery.Wildcard(field, pattern); }
    static StoreQuery exists(String field) { return new StoreQuery.Exists(field); }
    static StoreQuery range(String f, String lo, boolean incLo, String hi, boolean incHi) {
        return new StoreQuery.Range(f, lo, incLo, hi, incHi);
    }
    static StoreQuery and(StoreQuery... all) { return Bool.and(List.of(all)); }
    static StoreQuery or(StoreQuery... any) { return Bool.or(List.of(any)); }
    static StoreQuery not(StoreQuery q) { return Bool.not(q); }
    static StoreQuery andNot(List<StoreQuery> must, List<StoreQuery> mustNot) { return new Bool(must, List.of(), mustNot); }

    static Stream<Arguments> queries() {
        StoreQuery a = word("a"), b = word("b"), c = word("c");
        return Stream.of(
                // match all
                Arguments.of("", StoreQuery.all()),
                Arguments.of("   ", StoreQuery.all()),
                Arguments.of("*", StoreQuery.all()),
                // terms, phrases, fields
                Arguments.of("error", word("error")),
                Arguments.of("\"failed password\"", phrase(null, "failed password")),
                Arguments.of("host.name:web-01", term("host.name", "web-01")),
                Arguments.of("user.name:\"John Smith\"", phrase("user.name", "John Smith")),
                Arguments.of("@timestamp:2026-11-29T10:00:00Z", term("@timestamp", "2026-11-29T10:00:00Z")),
                Arguments.of("winlog.event_data.TargetUserName:admin", term("winlog.event_data.TargetUserName", "admin")),
                Arguments.of("event.code: 4625", term("event.code", "4625")),
                Arguments.of("bytes:-5", term("bytes", "-5")),
                Arguments.of("field:AND", term("field", "AND")),
                Arguments.of("host.name : web", term("host.name", "web")),
                Arguments.of("url.path:a:b", term("url.path", "a:b")),
                Arguments.of("\\_exists_:x", term("_exists_", "x")),
                Arguments.of("_exists_:\"odd field\"", exists("odd field")),
                Arguments.of("f:(a:b)", term("a", "b")),
                // IPs, CIDR, IPv6
                Arguments.of("source.ip:10.0.0.0/8", term("source.ip", "10.0.0.0/8")),
                Arguments.of("source.ip:fe80::1", term("source.ip", "fe80::1")),
                Arguments.of("source.ip:\"2001:db8::/32\"", phrase("source.ip", "2001:db8::/32")),
                // wildcards and exists
                Arguments.of("host.name:web*", wildcard("host.name", "web*")),
                Arguments.of("user.name:j?hn", wildcard("user.name", "j?hn")),
                Arguments.of("adm*", wildcard(null, "adm*")),
                Arguments.of("host.name:*", exists("host.name")),
                Arguments.of("_exists_:user.name", exists("user.name")),
                Arguments.of("host.name:\\*", term("host.name", "*")),
                Arguments.of("file.name:a\\*b*", wildcard("file.name", "a\\*b*")),
                // escaping and Windows paths
                Arguments.of("process.executable:C\\:\\\\Windows\\\\*", wildcard("process.executable", "C:\\\\Windows\\\\*")),
                Arguments.of("process.executable:\"C:\\Windows\\System32\\cmd.exe\"",
                        phrase("process.executable", "C:\\Windows\\System32\\cmd.exe")),
                Arguments.of("message:\"say \\\"hi\\\" \\\\o/\"", phrase("message", "say \"hi\" \\o/")),
                Arguments.of("a\\:b", word("a:b")),
                Arguments.of("\\(x\\)", word("(x)")),
                Arguments.of("my\\ field:v", term("my field", "v")),
                Arguments.of("\\AND", word("AND")),
                Arguments.of("\\-x", word("-x")),
                Arguments.of("now-15m", word("now-15m")),
                // ranges and comparisons
                Arguments.of("bytes:[10 TO 20]", range("bytes", "10", true, "20", true)),
                Arguments.of("bytes:{10 TO 20}", range("bytes", "10", false, "20", false)),
                Arguments.of("bytes:[10 TO 20}", range("bytes", "10", true, "20", false)),
                Arguments.of("bytes:{10 TO *]", range("bytes", "10", false, null, true)),
                Arguments.of("@timestamp:[now-1d/d TO now]", range("@timestamp", "now-1d/d", true, "now", true)),
                Arguments.of("@timestamp:[2026-11-29T00:00:00 TO \"2026-11-30\"]",
                        range("@timestamp", "2026-11-29T00:00:00", true, "2026-11-30", true)),
                Arguments.of("source.ip:[10.0.0.1 TO 10.0.0.255]", range("source.ip", "10.0.0.1", true, "10.0.0.255", true)),
                Arguments.of("bytes:>=5", range("bytes", "5", true, null, false)),
                Arguments.of("bytes:>5", range("bytes", "5", false, null, false)),
                Arguments.of("bytes:<=x", range("bytes", null, false, "x", true)),
                Arguments.of("bytes:<x", range("bytes", null, false, "x", false)),
                Arguments.of("bytes >= 5", range("bytes", "5", true, null, false)),
                Arguments.of("bytes<-1", range("bytes", null, false, "-1", false)),
                Arguments.of("bytes:(>1 AND <10)", and(range("bytes", "1", false, null, false), range("bytes", null, false, "10", false))),
                // boolean operators and precedence NOT > AND > OR
                Arguments.of("a AND b", and(a, b)),
                Arguments.of("a and b", and(a, b)),
                Arguments.of("a && b", and(a, b)),
                Arguments.of("a b", and(a, b)),
                Arguments.of("a OR b", or(a, b)),
                Arguments.of("a or b", or(a, b)),
                Arguments.of("a || b", or(a, b)),
                Arguments.of("a||b", or(a, b)),
                Arguments.of("NOT a", not(a)),
                Arguments.of("not a", not(a)),
                Arguments.of("!a", not(a)),
                Arguments.of("-a", not(a)),
                Arguments.of("+a", a),
                Arguments.of("+a -b", andNot(List.of(a), List.of(b))),
                Arguments.of("a OR b AND c", or(a, and(b, c))),
                Arguments.of("a AND b OR c", or(and(a, b), c)),
                Arguments.of("a b OR c", or(and(a, b), c)),
                Arguments.of("NOT a AND b", andNot(List.of(b), List.of(a))),
                Arguments.of("NOT a OR b", or(not(a), b)),
                Arguments.of("NOT (a OR b)", not(or(a, b))),
                Arguments.of("NOT NOT a", not(not(a))),
                Arguments.of("(a OR b) AND c", and(or(a, b), c)),
                Arguments.of("((a))", a),
                Arguments.of("a AND (b AND c)", and(a, and(b, c))),
                Arguments.of("NOT a NOT b", andNot(List.of(), List.of(a, b))),
                // field grouping
                Arguments.of("host.name:(web-01 OR web-02)", or(term("host.name", "web-01"), term("host.name", "web-02"))),
                Arguments.of("tags:(a b)", and(term("tags", "a"), term("tags", "b"))),
                Arguments.of("f:(a OR g:b OR \"c d\" OR e*)",
                        or(term("f", "a"), term("g", "b"), phrase("f", "c d"), wildcard("f", "e*"))),
                Arguments.of("f:(NOT a)", not(term("f", "a"))),
                Arguments.of("f:([1 TO 2] OR *)", or(range("f", "1", true, "2", true), exists("f"))),
                Arguments.of("event.code:4625 AND NOT user.name:(admin OR root) source.ip:10.0.0.0/8",
                        andNot(List.of(term("event.code", "4625"), term("source.ip", "10.0.0.0/8")),
                                List.of(or(term("user.name", "admin"), term("user.name", "root"))))));
    }

    @ParameterizedTest(name = "[{index}] <{0}>")
    @MethodSource("queries")
    void compilesEachConstructToTheExpectedStoreQuery(String query, StoreQuery expected) throws SearchException {
        assertThat(QueryParser.parse(query)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] <{0}>")
    @MethodSource("queries")
    void printsEachParsedQuerySoThatItParsesBackToTheSameQuery(String query, StoreQuery expected) throws SearchException {
        assertThat(QueryParser.parse(QueryPrinter.print(expected))).isEqualTo(expected);
    }
}
