package io.vigil.web.console;

import io.vigil.store.StoreQuery;
import java.util.ArrayList;
import java.util.List;

/** The small query-language subset of {@link StandInSearch}; recursive descent over the characters. */
final class StandInQueryParser {
    static final class Invalid extends Exception {
        final int position;

        Invalid(String message, int position) {
            super(message);
            this.position = position;
        }
    }

    private final String text;
    private int at;

    StandInQueryParser(String text) {
        this.text = text;
    }

    StoreQuery parse() throws Invalid {
        skipSpace();
        if (at >= text.length() || text.strip().equals("*")) {
            return StoreQuery.all();
        }
        StoreQuery q = or();
        skipSpace();
        if (at < text.length()) {
            throw new Invalid("unexpected '" + text.charAt(at) + "' at " + at, at);
        }
        return q;
    }

    private StoreQuery or() throws Invalid {
        List<StoreQuery> any = new ArrayList<>(List.of(and()));
        while (keyword("OR")) {
            any.add(and());
        }
        return any.size() == 1 ? any.get(0) : StoreQuery.Bool.or(any);
    }

    private StoreQuery and() throws Invalid {
        List<StoreQuery> all = new ArrayList<>(List.of(unary()));
        while (true) {
            skipSpace();
            if (at >= text.length() || text.charAt(at) == ')' || peekKeyword("OR")) {
                break;
            }
            keyword("AND");
            all.add(unary());
        }
        return all.size() == 1 ? all.get(0) : StoreQuery.Bool.and(all);
    }

    private StoreQuery unary() throws Invalid {
        skipSpace();
        if (keyword("NOT") || consume('-')) {
            return StoreQuery.Bool.not(unary());
        }
        if (consume('(')) {
            StoreQuery inner = or();
            skipSpace();
            if (!consume(')')) {
                throw new Invalid("expected ')' to close the group", at);
            }
            return inner;
        }
        return clause();
    }

    private StoreQuery clause() throws Invalid {
        skipSpace();
        if (at >= text.length()) {
            throw new Invalid("unexpected end of query; expected a term", at);
        }
        if (text.charAt(at) == '"') {
            return new StoreQuery.Phrase(null, phrase());
        }
        int start = at;
        String word = word();
        if (word.isEmpty()) {
            throw new Invalid("unexpected '" + text.charAt(start) + "' at " + start + "; expected a term", start);
        }
        if (at < text.length() && text.charAt(at) == ':') {
            at++;
            if (at >= text.length() || Character.isWhitespace(text.charAt(at))) {
                throw new Invalid("expected a value after '" + word + ":'", at);
            }
            if (text.charAt(at) == '"') {
                return new StoreQuery.Phrase(word, phrase());
            }
            String value = word();
            return switch (word) {
                case "_exists_" -> new StoreQuery.Exists(value);
                case "_id" -> new StoreQuery.Ids(List.of(value));
                default -> value.equals("*") ? new StoreQuery.Exists(word)
                        : value.contains("*") ? new StoreQuery.Wildcard(word, value) : new StoreQuery.Term(word, value);
            };
        }
        return word.contains("*") ? new StoreQuery.Wildcard(null, "*" + word + "*") : new StoreQuery.Term(null, word);
    }

    private String phrase() throws Invalid {
        int start = at++;
        StringBuilder out = new StringBuilder();
        while (at < text.length() && text.charAt(at) != '"') {
            if (text.charAt(at) == '\\' && at + 1 < text.length()) {
                at++;
            }
            out.append(text.charAt(at++));
        }
        if (at >= text.length()) {
            throw new Invalid("expected '\"' to close the phrase opened at " + start, at);
        }
        at++;
        return out.toString();
    }

    private String word() {
        StringBuilder out = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\\' && at + 1 < text.length()) {
                out.append(text.charAt(at + 1));
                at += 2;
                continue;
            }
            if (Character.isWhitespace(c) || "():\"".indexOf(c) >= 0) {
                break;
            }
            out.append(c);
            at++;
        }
        return out.toString();
    }

    private boolean keyword(String word) {
        skipSpace();
        if (peekKeyword(word)) {
            at += word.length();
            return true;
        }
        return false;
    }

    private boolean peekKeyword(String word) {
        int end = at + word.length();
        return text.regionMatches(true, at, word, 0, word.length())
                && (end == text.length() || Character.isWhitespace(text.charAt(end)) || text.charAt(end) == '(');
    }

    private boolean consume(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
