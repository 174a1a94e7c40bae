package io.vigil.detect.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds a literal that every match of a regular expression must contain, so that regex rules can sit behind
 * the literal prefilter instead of running on every event. Conservative by construction: anything it does
 * not understand ends the current run of literal characters, and a top-level alternation yields nothing.
 *
 * <p>The literal is used lower-cased against the lower-cased value, which is exact for ASCII: a run of
 * ASCII characters in a value stays a contiguous run in its lower-cased form. Under case-insensitive
 * matching RE2 also folds {@code k} with the Kelvin sign (lower case: {@code k}) and {@code s} with the long
 * s ({@code ſ}, its own lower case), which is why the prefilter's automaton reads {@code ſ} as {@code s}.
 * Non-ASCII literal characters end a run.
 */
final class RegexLiterals {

    private final String re;
    private int pos;

    private RegexLiterals(String re) {
        this.re = re;
    }

    /** The longest literal (lower-cased) every match contains, or "" when none can be proven. */
    static String required(String regex) {
        String best = "";
        for (String run : runs(regex)) if (run.length() > best.length()) best = run;
        return best.toLowerCase(Locale.ROOT);
    }

    /** Every run of ASCII literal characters that every match contains, as written (case kept). */
    static List<String> runs(String regex) {
        RegexLiterals r = new RegexLiterals(regex);
        List<String> runs = new ArrayList<>();
        try {
            return r.sequence(runs, false) ? runs : List.of();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Reads a sequence up to the end (or, inside a group, the closing parenthesis), adding its required runs.
     * Returns false when the sequence contains an alternation at its level (then nothing in it is required).
     */
    private boolean sequence(List<String> runs, boolean inGroup) {
        List<String> local = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        while (pos < re.length()) {
            char c = re.charAt(pos);
            if (c == ')' && inGroup) break;
            if (c == '|') return skipRest(inGroup);
            if (c == '(') {
                end(run, local);
                group(local);
            } else if (c == '[') {
                end(run, local);
                skipClass();
            } else if (c == '\\') {
                literalOrBreak(escaped(), run, local);
            } else if (c == '.' || c == '^' || c == '$' || c == '*' || c == '+' || c == '?' || c == '{') {
                end(run, local);
                pos++;
                if (c == '{') skipPast('}');
            } else {
                pos++;
                literalOrBreak(c, run, local);
            }
        }
        end(run, local);
        runs.addAll(local);
        return true;
    }

    /** Adds {@code c} (already consumed) to the run, unless a quantifier makes it optional or repeated. */
    private void literalOrBreak(int c, StringBuilder run, List<String> local) {
        if (c < 0 || c >= 128) {
            end(run, local);
            skipQuantifier();
            return;
        }
        int q = quantifierMin();
        if (q < 0) {
            run.append((char) c);
        } else {
            if (q > 0) run.append((char) c);
            end(run, local);
            skipQuantifier();
        }
    }

    /** The minimum count of the quantifier at pos, or -1 when there is none. */
    private int quantifierMin() {
        if (pos >= re.length()) return -1;
        char q = re.charAt(pos);
        if (q == '*' || q == '?') return 0;
        if (q == '+') return 1;
        if (q == '{') {
            int i = pos + 1;
            while (i < re.length() && Character.isDigit(re.charAt(i))) i++;
            return i == pos + 1 ? 0 : Integer.parseInt(re.substring(pos + 1, i));
        }
        return -1;
    }

    private void skipQuantifier() {
        if (quantifierMin() < 0) return;
        if (re.charAt(pos) == '{') skipPast('}');
        else pos++;
        if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) pos++;
    }

    /** Reads an escape at pos: the literal character, or -1 for a class, assertion or anything else. */
    private int escaped() {
        char e = re.charAt(pos + 1);
        pos += 2;
        if (!Character.isLetterOrDigit(e)) return e;
        if (e == 'Q' || Character.isDigit(e)) throw new IllegalStateException("not analysed");
        if ((e == 'x' || e == 'p' || e == 'P') && pos < re.length() && re.charAt(pos) == '{') skipPast('}');
        else if (e == 'x') pos += 2;
        else if (e == 'p' || e == 'P') pos += 1;
        return -1;
    }

    /** A group: its runs count only when it has no alternation and is not optional. */
    private void group(List<String> local) {
        pos++;
        if (pos < re.length() && re.charAt(pos) == '?') {
            while (pos < re.length() && re.charAt(pos) != ':' && re.charAt(pos) != ')' && re.charAt(pos) != '>') pos++;
            if (re.charAt(pos) == ')') {
                pos++;
                return;
            }
            pos++;
        }
        List<String> inner = new ArrayList<>();
        boolean plain = sequence(inner, true);
        pos++;
        int q = quantifierMin();
        skipQuantifier();
        if (plain && q != 0) local.addAll(inner);
    }

    private boolean skipRest(boolean inGroup) {
        int depth = 0;
        while (pos < re.length()) {
            char c = re.charAt(pos);
            if (c == '\\') pos++;
            else if (c == '[') {
                skipClass();
                continue;
            } else if (c == '(') depth++;
            else if (c == ')') {
                if (depth == 0 && inGroup) return false;
                depth--;
            }
            pos++;
        }
        return false;
    }

    private void skipClass() {
        pos++;
        if (pos < re.length() && re.charAt(pos) == '^') pos++;
        if (pos < re.length() && re.charAt(pos) == ']') pos++;
        while (re.charAt(pos) != ']') {
            if (re.charAt(pos) == '\\') pos++;
            else if (re.startsWith("[:", pos)) pos = re.indexOf(":]", pos) + 1;
            pos++;
        }
        pos++;
        skipQuantifier();
    }

    private void skipPast(char close) {
        while (re.charAt(pos) != close) pos++;
        pos++;
    }

    private static void end(StringBuilder run, List<String> local) {
        if (!run.isEmpty()) local.add(run.toString());
        run.setLength(0);
    }
}
