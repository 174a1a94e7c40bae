package io.vigil.web.exposure;

import java.util.List;
import java.util.Objects;

/**
 * One service found at {@code url}: what it is, how exposed, and the evidence (requests made and what they
 * answered) so a reader can check the claim by hand.
 */
public record Finding(String url, String product, Severity severity, String summary, List<String> evidence) {
    public Finding {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
    }
}
