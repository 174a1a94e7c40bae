package io.vigil.detect;

import static io.vigil.detect.Correlations.failed;
import static io.vigil.detect.Correlations.success;
import static io.vigil.detect.Correlations.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.detect.correlate.CorrelationLimits;
import io.vigil.detect.correlate.CorrelationState;
import io.vigil.detect.correlate.CorrelationStateFile;
import io.vigil.event.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A detector restored from a checkpoint (through the JSON file) reports what one that never stopped reports. */
class CorrelationCheckpointTest {

    private static final String CORRELATIONS = """
            title: Brute force
            id: brute
            correlation: {type: event_count, rules: [failed_login], group-by: [user.name], timespan: 2m, condition: {gte: 4}}
            ---
            title: Spray
            id: spray
            correlation: {type: value_count, rules: [failed_login], group-by: [user.name], timespan: 5m, condition: {field: source.ip, gte: 3}}
            ---
            title: Takeover
            id: takeover
            correlation: {type: temporal, rules: [failed_login, successful_login], group-by: [user.name], timespan: 1m}
            ---
            title: Ordered takeover
            id: ordered
            correlation: {type: temporal_ordered, rules: [failed_login, successful_login], group-by: [user.name], timespan: 90s}
            ---
            title: Exfiltration
            id: exfil
            correlation: {type: value_sum, rules: [transfer], group-by: [user.name], timespan: 10m, condition: {field: bytes, gt: 5000}}
            ---
            title: Repeated brute force
            id: repeated
            correlation: {type: event_count, rules: [brute], group-by: [user.name], timespan: 30m, condition: {gte: 2}}
            """;

    /** Small caps so that evictions and dropped events (which depend on the saved order) happen too. */
    private static final CorrelationLimits LIMITS = new CorrelationLimits(24, 5);

    @TempDir
    Path dir;

    private static Detector detector(RuleSet rules) {
        return new Detector(new DetectionEngine(rules), LIMITS);
    }

    private static List<String> described(List<Detection> detections) {
        return detections.stream().map(d -> d.ruleId() + d.eventIds() + (d.correlation() != null
                && d.correlation().stateTruncated() ? " truncated" : "")).toList();
    }

    @Test
    void restoredDetectorReportsTheSameMatchesAsOneThatNeverStopped() throws IOException {
        RuleSet rules = Correlations.compile(CORRELATIONS);
        long master = new Random().nextLong();
        int differedFromAFreshStart = 0;
        int correlationsAfterCut = 0;
        for (int trial = 0; trial < 20; trial++) {
            long seed = master + trial;
            List<Event> events = randomEvents(new Random(seed), 3000);
            int cut = new Random(seed ^ 0x5eed).nextInt(events.size());
            Detector continuous = detector(rules);
            continuous.detect(events.subList(0, cut));
            CorrelationStateFile file = new CorrelationStateFile(dir.resolve("t" + trial + "/correlations.json"));
            file.write(cut, continuous.correlationState());
            List<Detection> expected = continuous.detect(events.subList(cut, events.size()));

            CorrelationStateFile.Saved saved = file.read().orElseThrow();
            Detector restored = detector(rules);
            restored.restoreCorrelations(saved.state());
            List<Detection> actual = restored.detect(events.subList(cut, events.size()));

            assertThat(saved.position()).isEqualTo(cut);
            assertThat(described(actual)).as("seed %d, cut at %d", seed, cut).isEqualTo(described(expected));
            assertThat(restored.correlationState()).as("seed %d: state at the end", seed)
                    .isEqualTo(continuous.correlationState());
            correlationsAfterCut += (int) expected.stream().filter(Detection::isCorrelation).count();
            if (!described(detector(rules).detect(events.subList(cut, events.size()))).equals(described(expected))) {
                differedFromAFreshStart++;
            }
        }
        assertThat(correlationsAfterCut).as("master seed %d: correlations fired after the cuts", master).isGreaterThan(100);
        assertThat(differedFromAFreshStart).as("master seed %d: a start without the checkpoint would differ", master)
                .isPositive();
    }

    @Test
    void restoreDropsTheWindowsOfCorrelationsThatChangedOrWentAway() {
        RuleSet before = Correlations.compile(CORRELATIONS);
        Detector d = detector(before);
        d.detect(List.of(failed("a", 0, "bob", "1"), failed("b", 1, "bob", "2"), transfer("c", 2, "bob", 100L)));
        assertThat(d.correlationState().groups()).extracting(CorrelationState.Group::correlation)
                .containsExactlyInAnyOrder("brute", "spray", "takeover", "ordered", "exfil");

        String changed = CORRELATIONS.replace("rules: [failed_login], group-by: [user.name], timespan: 2m",
                "rules: [successful_login], group-by: [user.name], timespan: 2m")
                .replace("id: exfil", "id: exfil2");
        Detector later = detector(Correlations.compile(changed));
        later.restoreCorrelations(d.correlationState());

        assertThat(later.correlationState().groups()).extracting(CorrelationState.Group::correlation)
                .containsExactlyInAnyOrder("spray", "takeover", "ordered");
        // the kept windows still count: one more failed login from a third address completes the spray
        assertThat(later.detect(List.of(failed("d", 3, "bob", "3")))).extracting(Detection::ruleId).contains("spray");
    }

    @Test
    void unreadableCheckpointIsAnErrorNamingTheFile() throws IOException {
        CorrelationStateFile file = new CorrelationStateFile(dir.resolve("detect/correlations.json"));
        assertThat(file.read()).isEmpty();
        file.write(42, CorrelationState.EMPTY);
        assertThat(file.read()).hasValueSatisfying(s -> assertThat(s.position()).isEqualTo(42));
        Files.writeString(file.path(), "{\"format\":1,\"position\":42,\"state\":{\"seq\":");
        assertThatThrownBy(file::read).isInstanceOf(IOException.class).hasMessageContaining(file.path().toString())
                .hasMessageContaining("not readable");
    }

    /** Logins and transfers of a few users, mostly in time order with some late arrivals. */
    private static List<Event> randomEvents(Random random, int n) {
        List<Event> out = new ArrayList<>(n);
        String[] users = {"ann", "bob", "eve", "joe", "kim", "lou", "max", "ned"};
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += random.nextDouble() * 6;
            double at = random.nextInt(10) == 0 ? Math.max(0, t - random.nextDouble() * 120) : t;
            String user = users[random.nextInt(random.nextBoolean() ? 2 : users.length)];
            String id = "e" + i;
            out.add(switch (random.nextInt(4)) {
                case 0, 1 -> failed(id, at, user, "10.0.0." + random.nextInt(4));
                case 2 -> success(id, at, user);
                default -> transfer(id, at, user, (long) random.nextInt(3000));
            });
        }
        return out;
    }
}
