package io.vigil.web.posture;

import java.util.List;
import java.util.Objects;

/** What the posture report needs to know of a detection rule: its ATT&CK tactics (lower-case, e.g. "credential-access"). */
public record RuleInfo(String id, String title, List<String> tactics) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        tactics = List.copyOf(tactics);
    }

    /** Supplies the loaded rules (the detection stage's wiring implements it). */
    @FunctionalInterface
    public interface Catalog {
        List<RuleInfo> rules();

        Catalog NONE = List::of;
    }
}
