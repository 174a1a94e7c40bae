package io.vigil.cases;

import static io.vigil.cases.CaseFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.alert.Alert;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentsTest {
    @TempDir
    Path dir;
    CaseFixture f;
    Incidents incidents;

    @BeforeEach
    void open() {
        f = new CaseFixture(dir);
        incidents = f.incidents(IncidentPolicy.of(30, true, true, "medium"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void alertOnTheSameHostWithinTheWindowJoinsTheOpenIncident() {
        Alert first = f.alert("r1", "medium", "ws-01", "alice", T0);
        Alert second = f.alert("r2", "high", "ws-01", "bob", T0.plus(Duration.ofMinutes(20)));
        List<Placement> placed = incidents.onNewAlerts(List.of(first, second));

        assertThat(placed).hasSize(2);
        assertThat(placed.get(0).opened()).isTrue();
        assertThat(placed.get(1).opened()).isFalse();
        Incident i = incidents.require(placed.get(0).incident().id());
        assertThat(i.severity()).isEqualTo(Severity.HIGH);
        assertThat(i.users()).containsExactly("alice", "bob");
        assertThat(incidents.detail(i.id()).alerts()).extracting(Alert::id).containsExactly(first.id(), second.id());
    }

    @Test
    void alertOnAnotherHostAndUserOpensANewIncident() {
        incidents.onNewAlerts(List.of(f.alert("r1", "high", "ws-01", "alice", T0)));
        List<Placement> placed = incidents.onNewAlerts(List.of(f.alert("r1", "high", "ws-02", "carol", T0.plusSeconds(60))));
        assertThat(placed).singleElement().satisfies(p -> assertThat(p.opened()).isTrue());
        assertThat(incidents.find(IncidentFilter.recent(10))).hasSize(2);
    }

    @Test
    void alertOutsideTheWindowOpensANewIncident() {
        incidents.onNewAlerts(List.of(f.alert("r1", "high", "ws-01", "alice", T0)));
        List<Placement> placed = incidents.onNewAlerts(List.of(f.alert("r1", "high", "ws-01", "alice", T0.plus(Duration.ofMinutes(31)))));
        assertThat(placed).singleElement().satisfies(p -> assertThat(p.opened()).isTrue());
    }

    @Test
    void sameUserOnAnotherHostJoinsWhenGroupingByUser() {
        incidents.onNewAlerts(List.of(f.alert("r1", "high", "ws-01", "alice", T0)));
        List<Placement> placed = incidents.onNewAlerts(List.of(f.alert("r2", "high", "srv-09", "alice", T0.plusSeconds(90))));
        assertThat(placed).singleElement().satisfies(p -> {
            assertThat(p.opened()).isFalse();
            assertThat(p.incident().hosts()).containsExactly("srv-09", "ws-01");
        });
    }

    @Test
    void replayedAlertDoesNotJoinTwiceNorOpenAnotherIncident() {
        Alert a = f.alert("r1", "critical", "ws-01", "alice", T0);
        incidents.onNewAlerts(List.of(a));
        String id = incidents.find(IncidentFilter.recent(10)).get(0).id();
        int timelineBefore = incidents.detail(id).timeline().size();

        assertThat(incidents.onNewAlerts(List.of(a))).isEmpty();
        assertThat(incidents.find(IncidentFilter.recent(10))).hasSize(1);
        assertThat(incidents.detail(id).alerts()).hasSize(1);
        assertThat(incidents.detail(id).timeline()).hasSize(timelineBefore);
    }

    @Test
    void lowAlertOnlyJoinsButCriticalAlwaysOpens() {
        assertThat(incidents.onNewAlerts(List.of(f.alert("r1", "low", "ws-01", null, T0)))).isEmpty();
        IncidentPolicy strict = IncidentPolicy.of(30, true, true, "critical");
        Incidents strictDesk = f.incidents(strict);
        assertThat(strictDesk.onNewAlerts(List.of(f.alert("r2", "critical", "ws-05", null, T0)))).hasSize(1);
        assertThat(strictDesk.onNewAlerts(List.of(f.alert("r3", "low", "ws-05", null, T0.plusSeconds(5)))))
                .singleElement().satisfies(p -> assertThat(p.opened()).isFalse());
    }

    @Test
    void lifecycleMovesAreEnforcedAndMilestonesGiveResponseTimes() {
        Alert a = f.alert("r1", "high", "ws-01", "alice", T0);
        String id = incidents.onNewAlerts(List.of(a)).get(0).incident().id();

        assertThatThrownBy(() -> incidents.move(id, IncidentStatus.CONTAINED, "ann", null))
                .isInstanceOf(IncidentException.IllegalMove.class).hasMessageContaining("triaged");
        incidents.move(id, IncidentStatus.TRIAGED, "ann", "looks real");
        Incident contained = incidents.move(id, IncidentStatus.CONTAINED, "ann", "host isolated");
        incidents.move(id, IncidentStatus.ERADICATED, "ann", null);
        Incident recovered = incidents.move(id, IncidentStatus.RECOVERED, "ann", null);

        assertThat(contained.timeToDetect()).isEqualTo(Duration.ofSeconds(5));
        assertThat(contained.timeToContain()).contains(Duration.between(a.createdAt(), f.clock.instant()));
        assertThat(recovered.timeToRecover()).isPresent();
        assertThat(incidents.detail(id).timeline()).extracting(TimelineEntry::text)
                .contains("status new → triaged: looks real", "status triaged → contained: host isolated");
        assertThat(f.audited).anyMatch(line -> line.startsWith("ann incident.status " + id));
    }

    @Test
    void closedIncidentNoLongerCollectsAlerts() {
        String id = incidents.onNewAlerts(List.of(f.alert("r1", "high", "ws-01", null, T0))).get(0).incident().id();
        incidents.move(id, IncidentStatus.FALSE_POSITIVE, "ann", "admin script");
        List<Placement> placed = incidents.onNewAlerts(List.of(f.alert("r2", "high", "ws-01", null, T0.plusSeconds(30))));
        assertThat(placed).singleElement().satisfies(p -> assertThat(p.incident().id()).isNotEqualTo(id));
    }

    @Test
    void filtersByStatusSeverityAndHost() {
        incidents.onNewAlerts(List.of(f.alert("r1", "medium", "ws_01", null, T0), f.alert("r2", "critical", "ws-02", null, T0)));
        assertThat(incidents.find(new IncidentFilter(null, Severity.HIGH, null, 10))).extracting(i -> i.hosts().iterator().next())
                .containsExactly("ws-02");
        assertThat(incidents.find(new IncidentFilter(null, null, "ws_01", 10))).hasSize(1);
        assertThat(incidents.find(new IncidentFilter(null, null, "ws-0", 10))).isEmpty();
        assertThat(incidents.find(new IncidentFilter(IncidentStatus.TRIAGED, null, null, 10))).isEmpty();
    }
}
