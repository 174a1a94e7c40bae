package io.vigil.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.alert.Alert;
import io.vigil.cases.Incident;
import io.vigil.cases.IncidentDetail;
import io.vigil.cases.TimelineEntry;
import io.vigil.cases.action.ActionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of {@code /api/incidents}: snake_case keys, ISO-8601 times, durations in seconds. */
final class IncidentJson {
    private IncidentJson() {
    }

    static ObjectNode summary(Incident i) {
        ObjectNode n = Replies.object().put("id", i.id()).put("title", i.title()).put("severity", i.severity().wire())
                .put("status", i.status().wire()).put("assignee", i.assignee())
                .put("first_event_time", i.firstEventTime().toString()).put("last_event_time", i.lastEventTime().toString())
                .put("first_alert_at", i.firstAlertAt().toString()).put("updated_at", time(i.updatedAt()))
                .put("contained_at", time(i.milestones().containedAt())).put("recovered_at", time(i.milestones().recoveredAt()))
                .put("closed_at", time(i.milestones().closedAt()));
        i.hosts().forEach(n.putArray("hosts")::add);
        i.users().forEach(n.putArray("users")::add);
        i.status().allowedMoves().forEach(s -> n.withArray("allowed_moves").add(s.wire()));
        n.put("time_to_detect_s", i.timeToDetect().toSeconds());
        n.put("time_to_contain_s", i.timeToContain().map(Duration::toSeconds).orElse(null));
        n.put("time_to_recover_s", i.timeToRecover().map(Duration::toSeconds).orElse(null));
        return n;
    }

    static ObjectNode detail(IncidentDetail d, List<ActionRecord> actions) {
        ObjectNode n = summary(d.incident());
        d.incident().tags().forEach(n.putArray("tags")::add);
        ObjectNode affected = n.putObject("affected");
        d.incident().hosts().forEach(affected.putArray("hosts")::add);
        d.incident().users().forEach(affected.putArray("accounts")::add);
        ArrayNode alerts = n.putArray("alerts");
        for (Alert a : d.alerts()) {
            alerts.addObject().put("id", a.id()).put("rule_id", a.ruleId()).put("rule_title", a.ruleTitle())
                    .put("level", a.level()).put("host", a.host()).put("user", a.user()).put("time", a.eventTime().toString())
                    .put("created", a.createdAt().toString());
        }
        ArrayNode timeline = n.putArray("timeline");
        for (TimelineEntry e : d.timeline()) timeline.add(entry(e));
        ArrayNode acts = n.putArray("actions");
        actions.forEach(a -> acts.add(action(a)));
        return n;
    }

    static ObjectNode entry(TimelineEntry e) {
        ObjectNode n = Replies.object().put("time", e.time().toString()).put("kind", e.kind().wire()).put("actor", e.actor())
                .put("text", e.text());
        e.refs().forEach(n.putArray("refs")::add);
        return n;
    }

    static ObjectNode action(ActionRecord a) {
        return Replies.object().put("id", a.id()).put("action", a.actionName()).put("host", a.targetHost())
                .put("alert_id", a.alertId()).put("requested_by", a.requestedBy()).put("requested_at", a.requestedAt().toString())
                .put("state", a.state().wire()).put("approved_by", a.approvedBy()).put("attempts", a.attempts())
                .put("result", a.result()).put("finished_at", time(a.finishedAt()));
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
