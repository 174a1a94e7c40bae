package io.vigil.cases.action;

import io.vigil.alert.Alert;
import io.vigil.cases.Incident;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an action is about: the incident, the alert that triggered it (null for a manual request), the
 * host it targets, who asked, and the action's own id. {@link #values()} feeds the templates.
 */
public record ActionContext(Incident incident, Alert alert, String host, String actor, String actionName, String actionId) {
    public ActionContext {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(actor, "actor");
    }

    public Map<String, String> values() {
        Map<String, String> v = new HashMap<>();
        v.put("incident.id", incident.id());
        v.put("incident.title", incident.title());
        v.put("incident.severity", incident.severity().wire());
        v.put("incident.status", incident.status().wire());
        v.put("incident.assignee", incident.assignee() == null ? "" : incident.assignee());
        v.put("incident.hosts", String.join(",", incident.hosts()));
        v.put("incident.users", String.join(",", incident.users()));
        v.put("host", host == null ? "" : host);
        v.put("user", alert != null && alert.user() != null ? alert.user() : String.join(",", incident.users()));
        v.put("alert.id", alert == null ? "" : alert.id());
        v.put("alert.rule_id", alert == null ? "" : alert.ruleId());
        v.put("alert.rule_title", alert == null ? "" : alert.ruleTitle());
        v.put("alert.level", alert == null ? incident.severity().wire() : alert.level());
        v.put("actor", actor);
        v.put("action.name", actionName == null ? "" : actionName);
        v.put("action.id", actionId == null ? "" : actionId);
        return v;
    }
}
