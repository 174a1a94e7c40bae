package io.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IncidentStatusTest {
    @Test
    void followsTheResponsePhasesInOrder() {
        assertThat(IncidentStatus.NEW.canMoveTo(IncidentStatus.TRIAGED)).isTrue();
        assertThat(IncidentStatus.TRIAGED.canMoveTo(IncidentStatus.CONTAINED)).isTrue();
        assertThat(IncidentStatus.CONTAINED.canMoveTo(IncidentStatus.ERADICATED)).isTrue();
        assertThat(IncidentStatus.ERADICATED.canMoveTo(IncidentStatus.RECOVERED)).isTrue();
        assertThat(IncidentStatus.RECOVERED.canMoveTo(IncidentStatus.CLOSED)).isTrue();
    }

    @Test
    void refusesSkippingAPhaseOrGoingBack() {
        assertThat(IncidentStatus.NEW.canMoveTo(IncidentStatus.CONTAINED)).isFalse();
        assertThat(IncidentStatus.CONTAINED.canMoveTo(IncidentStatus.TRIAGED)).isFalse();
        assertThat(IncidentStatus.ERADICATED.canMoveTo(IncidentStatus.CLOSED)).isFalse();
        assertThat(IncidentStatus.NEW.canMoveTo(IncidentStatus.NEW)).isFalse();
    }

    @Test
    void allowsFalsePositiveOnlyBeforeContainment() {
        assertThat(IncidentStatus.NEW.canMoveTo(IncidentStatus.FALSE_POSITIVE)).isTrue();
        assertThat(IncidentStatus.TRIAGED.canMoveTo(IncidentStatus.FALSE_POSITIVE)).isTrue();
        assertThat(IncidentStatus.CONTAINED.canMoveTo(IncidentStatus.FALSE_POSITIVE)).isFalse();
        assertThat(IncidentStatus.RECOVERED.canMoveTo(IncidentStatus.FALSE_POSITIVE)).isFalse();
    }

    @Test
    void finalStatusesAllowNoMoves() {
        assertThat(IncidentStatus.CLOSED.allowedMoves()).isEmpty();
        assertThat(IncidentStatus.FALSE_POSITIVE.allowedMoves()).isEmpty();
        assertThat(IncidentStatus.NEW.allowedMoves()).containsExactly(IncidentStatus.TRIAGED, IncidentStatus.FALSE_POSITIVE);
    }

    @Test
    void parsesWireNamesAndListsValidOnesOnError() {
        assertThat(IncidentStatus.parse("false_positive")).isEqualTo(IncidentStatus.FALSE_POSITIVE);
        assertThatThrownBy(() -> IncidentStatus.parse("done")).hasMessageContaining("triaged");
    }
}
