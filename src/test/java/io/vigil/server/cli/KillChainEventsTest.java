package io.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.generate.KillChain;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kill chain's events as Vigil's parser reads them: Windows events, marked synthetic, timed from the start. */
class KillChainEventsTest {
    private static final long START = 1_800_000_000_000L;

    @Test
    void everyAttackEventParsesAsAWindowsEventLabelledSynthetic() {
        var parser = DefaultEventParser.standard(ParserConfig.DEFAULT, Clock.systemUTC());
        for (KillChain.Step step : KillChain.plan(START, 4_000)) {
            List<byte[]> lines = step.events().stream().map(e -> e.getBytes(StandardCharsets.UTF_8)).toList();
            for (var stored : parser.parse(new RawBatch("t", "", "", START, lines), 0)) {
                Event e = stored.event();
                assertThat(e.text("winlog.channel")).as(step.phase()).isNotNull();
                assertThat(e.get("labels.synthetic")).isEqualTo(true);
                assertThat(e.text("labels.phase")).isEqualTo(step.phase());
                assertThat(e.hasTag("synthetic")).isTrue();
                assertThat(e.timestamp()).isBetween(step.atMillis(), step.atMillis() + 3_000);
            }
        }
    }

    @Test
    void phasesComeInKillChainOrderAndTheBurstRenamesFourHundredFilesPerServer() {
        List<KillChain.Step> steps = KillChain.plan(START, 4_000);
        assertThat(steps.get(0).atMillis()).isEqualTo(START);
        assertThat(steps).isSortedAccordingTo(java.util.Comparator.comparingLong(KillChain.Step::atMillis));
        assertThat(steps.stream().map(KillChain.Step::phase).distinct().toList()).isEqualTo(KillChain.PHASES);
        long deletes = steps.stream().filter(s -> s.phase().equals("encryption")).flatMap(s -> s.events().stream())
                .filter(e -> e.contains("\"EventID\":23")).count();
        assertThat(deletes).isEqualTo(400L * KillChain.TARGETS.size());
    }
}
