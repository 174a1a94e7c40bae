package io.vigil.cases.action;

import io.vigil.alert.Alert;
import io.vigil.cases.Severity;
import java.util.List;

/**
 * Runs {@code actions} automatically when an alert joins or opens an incident and it came from one of
 * {@code ruleIds} or has at least {@code minLevel} (either condition; a null/empty one is not checked).
 */
public record RuleTrigger(List<String> ruleIds, Severity minLevel, List<String> actions) {
    public RuleTrigger {
        ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
        actions = List.copyOf(actions);
        if (ruleIds.isEmpty() && minLevel == null) {
            throw new IllegalArgumentException("actions.triggers: each trigger needs rule_ids or min_level");
        }
        if (actions.isEmpty()) throw new IllegalArgumentException("actions.triggers: each trigger needs at least one action");
    }

    public boolean matches(Alert alert) {
        return ruleIds.contains(alert.ruleId()) || (minLevel != null && Severity.ofAlertLevel(alert.level()).atLeast(minLevel));
    }
}
