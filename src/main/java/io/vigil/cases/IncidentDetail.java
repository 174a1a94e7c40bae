package io.vigil.cases;

import io.vigil.alert.Alert;
import java.util.List;
import java.util.Objects;

/** An incident with everything a detail page or a report shows: its alerts and its timeline. */
public record IncidentDetail(Incident incident, List<Alert> alerts, List<TimelineEntry> timeline) {
    public IncidentDetail {
        Objects.requireNonNull(incident, "incident");
        alerts = List.copyOf(alerts);
        timeline = List.copyOf(timeline);
    }
}
