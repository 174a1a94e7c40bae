package io.vigil.detect.rule;

import java.util.Locale;

/**
 * A rule's {@code logsource}: which kind of log it concerns. Any part may be null (not constrained).
 * Parts are lower-cased so that routing compares them directly.
 */
public record LogSource(String product, String category, String service) {

    public static final LogSource ANY = new LogSource(null, null, null);

    public LogSource {
        product = normalize(product);
        category = normalize(category);
        service = normalize(service);
    }

    private static String normalize(String part) {
        return part == null || part.isBlank() ? null : part.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "product=" + product + " category=" + category + " service=" + service;
    }
}
