package io.vigil.detect.value;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A Sigma string value: literal text interleaved with the wildcards {@code *} (any run of characters)
 * and {@code ?} (exactly one character).
 *
 * <p>Escaping follows pySigma exactly: a backslash before {@code *}, {@code ?} or another backslash makes
 * that character literal; a backslash before anything else is itself literal ({@code C:\Windows} stays as
 * written); a trailing backslash is literal.
 */
public record SigmaString(List<Part> parts) {

    /** One piece of a Sigma string. */
    public sealed interface Part {}

    /** Literal text, never empty. */
    public record Text(String text) implements Part {
        public Text {
            if (text.isEmpty()) throw new IllegalArgumentException("empty text part");
        }
    }

    /** {@code *} when {@code single} is false, {@code ?} when true. */
    public record Wildcard(boolean single) implements Part {}

    public static final Wildcard ANY = new Wildcard(false);
    public static final Wildcard ONE = new Wildcard(true);

    public SigmaString {
        parts = List.copyOf(parts);
    }

    /** Parses a rule's string value with Sigma wildcard and escape rules. */
    public static SigmaString parse(String raw) {
        Builder b = new Builder();
        boolean escaped = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (escaped) {
                if (c != '*' && c != '?' && c != '\\') b.text.append('\\');
                b.text.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '*' || c == '?') {
                b.wildcard(c == '?' ? ONE : ANY);
            } else {
                b.text.append(c);
            }
        }
        if (escaped) b.text.append('\\');
        return b.build();
    }

    /** A string with no wildcards. */
    public static SigmaString literal(String text) {
        return text.isEmpty() ? new SigmaString(List.of()) : new SigmaString(List.of(new Text(text)));
    }

    public boolean hasWildcards() {
        return parts.stream().anyMatch(p -> p instanceof Wildcard);
    }

    public boolean startsWithAny() {
        return !parts.isEmpty() && parts.get(0).equals(ANY);
    }

    public boolean endsWithAny() {
        return !parts.isEmpty() && parts.get(parts.size() - 1).equals(ANY);
    }

    public SigmaString prependAny() {
        List<Part> out = new ArrayList<>(parts);
        out.add(0, ANY);
        return new SigmaString(out);
    }

    public SigmaString appendAny() {
        List<Part> out = new ArrayList<>(parts);
        out.add(ANY);
        return new SigmaString(out);
    }

    /** The text of a wildcard-free string. */
    public String plain() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Text t) sb.append(t.text());
            else throw new IllegalStateException("string has wildcards: " + this);
        }
        return sb.toString();
    }

    /** The same string with every text part transformed (wildcards kept). */
    public SigmaString mapText(UnaryOperator<String> f) {
        Builder b = new Builder();
        for (Part p : parts) {
            if (p instanceof Text t) b.text.append(f.apply(t.text()));
            else b.wildcard((Wildcard) p);
        }
        return b.build();
    }

    /** The longest literal run, used by the prefilter; empty when there is none. */
    public String longestText() {
        String best = "";
        for (Part p : parts) if (p instanceof Text t && t.text().length() > best.length()) best = t.text();
        return best;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            switch (p) {
                case Text t -> sb.append(t.text().replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?"));
                case Wildcard w -> sb.append(w.single() ? '?' : '*');
            }
        }
        return sb.toString();
    }

    /** Collects text and wildcards, merging adjacent text. */
    static final class Builder {
        final StringBuilder text = new StringBuilder();
        private final List<Part> parts = new ArrayList<>();

        void wildcard(Wildcard w) {
            flush();
            parts.add(w);
        }

        void flush() {
            if (!text.isEmpty()) parts.add(new Text(text.toString()));
            text.setLength(0);
        }

        SigmaString build() {
            flush();
            return new SigmaString(parts);
        }
    }
}
