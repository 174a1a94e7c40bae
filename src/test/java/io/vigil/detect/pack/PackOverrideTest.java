package io.vigil.detect.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detect.Detection;
import io.vigil.detect.Detector;
import io.vigil.detect.RuleCatalog;
import io.vigil.detect.correlate.CorrelationLimits;
import io.vigil.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule in a configured directory with the id of a pack rule replaces it: how thresholds are changed. */
class PackOverrideTest {

    private static final String RANSOM_NOTES = "54074c33-0a4e-4c61-b7ff-768be07a15ae";

    @TempDir
    Path dir;

    @Test
    void configuredRuleWithAPackIdReplacesThePackRule() throws Exception {
        Files.writeString(dir.resolve("notes.yml"), """
                title: Ransom note dropped in many directories (site threshold)
                id: %s
                level: critical
                correlation:
                    type: value_count
                    rules:
                        - vigil_ransom_note_like_file_created
                    group-by:
                        - Computer
                        - file.name
                    timespan: 5m
                    condition:
                        gte: 20
                        field: file.directory
                """.formatted(RANSOM_NOTES));
        RuleCatalog catalog = new RuleCatalog(List.of(dir), Map.of(), Set.of());

        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.rules()).filteredOn(r -> r.id().equals(RANSOM_NOTES)).singleElement()
                .satisfies(r -> assertThat(r.title()).endsWith("(site threshold)"));
        List<Event> sixNotes = PackEvents.events("vigil_ransom_note_in_many_directories", "positive");
        assertThat(ids(new Detector(catalog.engine(), CorrelationLimits.DEFAULT).detect(sixNotes)))
                .as("six notes are below the site's threshold of 20").doesNotContain(RANSOM_NOTES);
    }

    @Test
    void withoutAnOverrideThePackRuleFiresOnTheSameEvents() throws Exception {
        RuleCatalog catalog = new RuleCatalog(List.of(dir), Map.of(), Set.of());
        List<Event> sixNotes = PackEvents.events("vigil_ransom_note_in_many_directories", "positive");
        assertThat(ids(new Detector(catalog.engine(), CorrelationLimits.DEFAULT).detect(sixNotes))).contains(RANSOM_NOTES);
    }

    private static List<String> ids(List<Detection> found) {
        return found.stream().map(Detection::ruleId).toList();
    }
}
