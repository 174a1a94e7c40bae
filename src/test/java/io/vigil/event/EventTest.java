package io.vigil.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTest {

    private static LinkedHashMap<String, Object> fields() {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("@timestamp", "2026-11-29T12:00:00.000Z");
        m.put("host.name", "web01");
        m.put("tags", List.of("a"));
        return m;
    }

    @Test
    void theConstructorCopiesSoLaterChangesToTheCallersMapDoNotReachTheEvent() {
        LinkedHashMap<String, Object> source = fields();
        Event event = new Event("1-0", 0, source);
        source.put("host.name", "changed");
        source.put("user.name", "eve");
        assertThat(event.get("host.name")).isEqualTo("web01");
        assertThat(event.fields()).doesNotContainKey("user.name");
    }

    @Test
    void anOwnedMapIsReadOnlyThroughTheEventAndKeepsItsOrder() {
        Event event = Event.owning("1-0", 0, fields());
        assertThat(event.fields().keySet()).containsExactly("@timestamp", "host.name", "tags");
        assertThatThrownBy(() -> event.fields().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> event.fields().remove("host.name")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> event.fields().entrySet().iterator().next().setValue("z"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> event.fields().keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ownedAndCopiedEventsOfTheSameFieldsAreEqualAndHashAlike() {
        Event owned = Event.owning("1-0", 5, fields());
        Event copied = new Event("1-0", 5, Map.copyOf(fields()));
        assertThat(owned).isEqualTo(copied);
        assertThat(owned.hashCode()).isEqualTo(copied.hashCode());
        assertThat(owned.fields()).isEqualTo(fields());
    }

    @Test
    void rebuildingAnEventFromAnotherEventsFieldsDoesNotCopyThemAgain() {
        Event owned = Event.owning("1-0", 5, fields());
        Event again = new Event("1-1", 6, owned.fields());
        assertThat(again.fields()).isSameAs(owned.fields());
    }
}
