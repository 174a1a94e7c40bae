package io.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.alert.Alert;
import io.vigil.alert.AlertQuery;
import io.vigil.cases.Incident;
import io.vigil.cases.IncidentFilter;
import io.vigil.event.RawBatch;
import io.vigil.generate.EventGenerator;
import io.vigil.generate.KillChain;
import io.vigil.generate.Templates;
import io.vigil.server.Vigil;
import io.vigil.server.config.VigilConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's ransomware attack against a real Vigil in-process with only its own rule pack, mixed into a
 * steady normal stream: the expected alerts appear, they form one incident with the entry host and the two
 * encrypted servers, and alerts follow the shadow-copy deletion and the first 100 renames within seconds.
 */
class KillChainScenarioTest {
    private static final long SEED = Long.getLong("vigil.seed", 20261129L);
    private static final String SHADOW_COPY_RULE = "62cbe797-9683-4294-9709-a0c3b9688426";
    /** The encryption-burst correlations: notes, unusual extension, rate, known extension. */
    private static final Set<String> ENCRYPTION_RULES = Set.of("54074c33-0a4e-4c61-b7ff-768be07a15ae",
            "63742199-1a22-40d1-a546-b50444def352", "bec69d7f-777c-497a-9067-5bd3936ea926",
            "d33d6c1c-3460-45ea-8053-8cdf0e716752");
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("4d61fc57-2efd-4c1f-9ac1-cbbc689c3d54", "phishing: Outlook started wscript"),
            Map.entry("3c9d2f71-5b8e-4a06-b1d4-7e2a9c6f0b85", "RDP brute force then success (by account)"),
            Map.entry("d505121c-6df3-417a-885b-3f4dc3198cf8", "RDP brute force then success (by address)"),
            Map.entry("a3adc8c2-b0ba-4d24-8606-76111d27d35a", "comsvcs MiniDump"),
            Map.entry("63087acf-1323-4fa4-bf6f-9c5a7a708c0c", "LSASS read through dbgcore"),
            Map.entry("f25f17ab-9207-47b8-8cca-ea8c03307715", "PSEXESVC copied to ADMIN$"),
            Map.entry("a3893f1b-67f4-430b-ba78-c1c5c9127773", "PSEXESVC service installed"),
            Map.entry("f7ffee19-fe90-4f1f-b35c-83c3f98fc5e1", "Set-MpPreference"),
            Map.entry("94d47522-aefa-43c9-8f17-b019270b0fc7", "Defender 5001"),
            Map.entry("6615eb9b-21ec-4a6d-9c65-5351cb13ff28", "net stop burst"),
            Map.entry("fa6ec312-e86c-4704-bccc-cc09adbaf7bb", "7036 stopped burst"),
            Map.entry(SHADOW_COPY_RULE, "vssadmin / wmic shadowcopy delete"),
            Map.entry("e3d267e0-6fbc-4a74-a471-8d7e6be59a33", "bcdedit"),
            Map.entry("02152ff6-d31c-4932-bc02-261431c4ee9b", "wbadmin delete catalog"),
            Map.entry("54074c33-0a4e-4c61-b7ff-768be07a15ae", "ransom notes"),
            Map.entry("63742199-1a22-40d1-a546-b50444def352", "unusual extension in many directories"),
            Map.entry("bec69d7f-777c-497a-9067-5bd3936ea926", "file rewrite rate"),
            Map.entry("d33d6c1c-3460-45ea-8053-8cdf0e716752", "known ransomware extension"),
            Map.entry("ec9e17b9-1d11-432d-9433-e9ca40cd12b9", "wevtutil cl"),
            Map.entry("4d800653-3655-4b41-946c-288ee7a35207", "Security 1102"));

    @TempDir
    Path dir;

    @Test
    void killChainRaisesTheExpectedAlertsAsOneIncidentWithinSeconds() throws Exception {
        VigilConfig config = VigilConfig.parse(new ObjectMapper().readTree("""
                {"http": {"port": 0}, "store": {"refresh_interval_ms": 200, "commit_interval_ms": 1000}}"""));
        try (Vigil vigil = Vigil.open(config, dir.resolve("data"))) {
            Thread normal = normalStream(vigil);
            Map<String, Long> submitted = new ConcurrentHashMap<>();
            List<KillChain.Step> steps = KillChain.plan(System.currentTimeMillis() + 2_000, 1_000);
            long[] renames = {0};
            KillChainReplay.run(vigil.gateway(), steps, (step, at) -> {
                submitted.putIfAbsent(step.phase(), at);
                if (step.phase().equals("encryption")) {
                    renames[0] += step.events().stream().filter(e -> e.contains("\"EventID\":23")).count();
                    if (renames[0] >= 100) submitted.putIfAbsent("100 renames", at);
                }
            });
            List<Alert> alerts = awaitAlerts(vigil, EXPECTED.keySet(), Duration.ofSeconds(30));
            normal.interrupt();

            alerts.stream().sorted(Comparator.comparing(Alert::createdAt)).forEach(a -> System.out.printf(
                    "  alert %-9s %-12s %-14s %s%n", a.level(), a.host(), a.user(), a.ruleTitle()));
            assertThat(alerts).extracting(Alert::ruleId).as("rules that fired").containsAll(EXPECTED.keySet());

            long shadow = millisToFirstAlert(alerts, Set.of(SHADOW_COPY_RULE), submitted.get("shadow-copy-deletion"));
            long burst = millisToFirstAlert(alerts, ENCRYPTION_RULES, submitted.get("100 renames"));
            System.out.printf("time to first alert: after the first shadow-copy deletion %d ms, after the first 100 renames %d ms%n",
                    shadow, burst);
            assertThat(shadow).isLessThan(30_000);
            assertThat(burst).isLessThan(30_000);

            List<Incident> incidents = vigil.incidents().find(IncidentFilter.recent(100));
            incidents.forEach(i -> System.out.println("  incident " + i.id() + " " + i.severity() + " hosts=" + i.hosts()
                    + " users=" + i.users() + " " + i.title()));
            List<Incident> attack = incidents.stream().filter(i -> i.hosts().contains(KillChain.ENTRY)
                    || i.hosts().stream().anyMatch(KillChain.TARGETS::contains)).toList();
            assertThat(attack).as("incidents holding the attacked hosts").singleElement().satisfies(i -> {
                assertThat(i.hosts()).containsExactlyInAnyOrder(KillChain.ENTRY, KillChain.TARGETS.get(0), KillChain.TARGETS.get(1));
                assertThat(i.severity().name()).isEqualTo("CRITICAL");
            });
        }
    }

    /** Builtin templates at 20 events/s, as 'vigil demo' sends them, until interrupted. */
    private static Thread normalStream(Vigil vigil) {
        Templates templates = Templates.builtin();
        return Thread.ofVirtual().start(() -> {
            for (long tick = 0; !Thread.currentThread().isInterrupted(); tick++) {
                long now = System.currentTimeMillis();
                List<byte[]> lines = new ArrayList<>();
                new EventGenerator(templates, SEED + tick, now, now + 1000, 20)
                        .forEachRemaining(l -> lines.add(l.getBytes(StandardCharsets.UTF_8)));
                try {
                    vigil.gateway().submit(new RawBatch("demo", "demo", "", now, lines)).join();
                    Thread.sleep(1000);
                } catch (InterruptedException | RuntimeException stopped) {
                    return;
                }
            }
        });
    }

    private static List<Alert> awaitAlerts(Vigil vigil, Set<String> ruleIds, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Alert> alerts;
        do {
            alerts = vigil.alerts().find(AlertQuery.recent(10_000));
            Set<String> fired = new java.util.HashSet<>();
            alerts.forEach(a -> fired.add(a.ruleId()));
            if (fired.containsAll(ruleIds)) break;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return alerts;
    }

    private static long millisToFirstAlert(List<Alert> alerts, Set<String> ruleIds, Long since) {
        assertThat(since).as("the phase was sent").isNotNull();
        Optional<Alert> first = alerts.stream().filter(a -> ruleIds.contains(a.ruleId()))
                .min(Comparator.comparing(Alert::createdAt));
        assertThat(first).as("an alert of %s", ruleIds).isPresent();
        return first.get().createdAt().toEpochMilli() - since;
    }
}
