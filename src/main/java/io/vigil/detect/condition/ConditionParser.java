package io.vigil.detect.condition;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for Sigma conditions. Precedence, loosest first: {@code or}, {@code and},
 * {@code not}; parentheses group. Operands are identifiers ({@code [A-Za-z0-9_-]+}) or selectors
 * ({@code 1|any|all|N of PATTERN}, pattern of {@code [A-Za-z0-9_*]} or {@code them}).
 * Operator words are lower-case, as in pySigma. The pipe aggregation syntax is rejected: it was replaced
 * by correlation rules.
 */
public final class ConditionParser {

    private final String text;
    private final List<String> tokens;
    private int pos;

    private ConditionParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    public static Condition parse(String condition) {
        if (condition.contains("|")) {
            throw new ConditionException("the pipe aggregation syntax ('| count() ...') is deprecated; "
                    + "rewrite it as a correlation rule");
        }
        ConditionParser p = new ConditionParser(condition);
        if (p.tokens.isEmpty()) throw new ConditionException("empty condition");
        Condition c = p.or();
        if (p.pos < p.tokens.size()) throw p.error("unexpected '" + p.tokens.get(p.pos) + "'");
        return c;
    }

    private Condition or() {
        List<Condition> parts = new ArrayList<>(List.of(and()));
        while (accept("or")) parts.add(and());
        return parts.size() == 1 ? parts.get(0) : new Condition.Or(parts);
    }

    private Condition and() {
        List<Condition> parts = new ArrayList<>(List.of(not()));
        while (accept("and")) parts.add(not());
        return parts.size() == 1 ? parts.get(0) : new Condition.And(parts);
    }

    private Condition not() {
        return accept("not") ? new Condition.Not(not()) : primary();
    }

    private Condition primary() {
        String t = next("an identifier, 'not', a selector or '('");
        if (t.equals("(")) {
            Condition inner = or();
            if (!accept(")")) throw error("missing ')'");
            return inner;
        }
        if (peekIs("of") && (t.equals("all") || t.equals("any") || t.chars().allMatch(Character::isDigit))) {
            pos++;
            String pattern = next("an identifier pattern or 'them' after 'of'");
            if (!pattern.matches("[A-Za-z0-9_*]+")) throw error("bad identifier pattern '" + pattern + "'");
            int n = t.equals("all") ? Condition.Quantified.ALL : t.equals("any") ? 1 : Integer.parseInt(t);
            if (n == 0) throw error("'0 of' selects nothing");
            return new Condition.Quantified(n, pattern);
        }
        if (!t.matches("[A-Za-z0-9_\\-]+") || isOperator(t)) throw error("expected an identifier, found '" + t + "'");
        return new Condition.Identifier(t);
    }

    private static boolean isOperator(String t) {
        return t.equals("and") || t.equals("or") || t.equals("not") || t.equals("of");
    }

    private boolean accept(String word) {
        if (peekIs(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean peekIs(String word) {
        return pos < tokens.size() && tokens.get(pos).equals(word);
    }

    private String next(String expected) {
        if (pos >= tokens.size()) throw error("expected " + expected + " at end of condition");
        return tokens.get(pos++);
    }

    private ConditionException error(String what) {
        return new ConditionException("condition '" + text + "': " + what + " (token " + (pos + 1) + ")");
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))
                        && text.charAt(i) != '(' && text.charAt(i) != ')') i++;
                out.add(text.substring(start, i));
            }
        }
        return out;
    }
}
