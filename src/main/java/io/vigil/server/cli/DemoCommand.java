package io.vigil.server.cli;

import io.vigil.event.RawBatch;
import io.vigil.generate.EventGenerator;
import io.vigil.generate.KillChain;
import io.vigil.generate.Templates;
import io.vigil.ingest.IngestGateway;
import io.vigil.server.Vigil;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs Vigil like 'serve', on a demo data directory filled with a day of realistic events",
                "from a fictional postal company, then keeps a live stream going.",
                "About 20 seconds after the history is in, a ransomware attack is replayed in real time (phishing,",
                "RDP brute force, LSASS dump, PsExec to two servers, shadow-copy deletion, encryption burst with",
                "ransom notes): its events are generated and labelled synthetic; watch the alerts and one incident.",
                "Takes the same options as 'serve' (--data defaults to ./vigil-data/demo)."})
public final class DemoCommand implements Callable<Integer> {
    private static final int BATCH = 1000;

    @Mixin
    ServerOptions options;

    @Option(names = "--events", paramLabel = "N", defaultValue = "50000", description = "Events of history to generate (default: ${DEFAULT-VALUE}).")
    long history;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "20", description = "Live events per second after start (default: ${DEFAULT-VALUE}; 0 = none).")
    int rate;

    @Option(names = "--templates", paramLabel = "DIR", description = "Real logs to model events on (layout of ../shared/data); default: ../shared/data if present, else built-in templates.")
    Path templatesDir;

    @Option(names = "--seed", defaultValue = "20261129", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--attack-delay", paramLabel = "SECONDS", defaultValue = "20",
            description = "Seconds after start before the ransomware kill chain begins (default: ${DEFAULT-VALUE}; -1 = no attack).")
    int attackDelay;

    @Option(names = "--attack-gap", paramLabel = "SECONDS", defaultValue = "4",
            description = "Seconds between the attack's phases (default: ${DEFAULT-VALUE}).")
    int attackGap;

    @Override
    public Integer call() throws Exception {
        Path data = options.data != null ? options.data : Path.of("vigil-data", "demo");
        if (options.httpPort == null) options.httpPort = 9200;
        Templates templates = templates();
        Vigil vigil = ServeCommand.start(options, data, System.out);
        long now = System.currentTimeMillis();
        int sent = send(vigil.gateway(), new EventGenerator(templates, seed, now - 86_400_000L, now, history));
        System.out.println("Demo: ingested " + sent + " events of the last 24 hours" + (rate > 0 ? "; live stream at " + rate + " events/s" : ""));
        if (rate > 0) startLiveStream(vigil.gateway(), templates);
        if (attackDelay >= 0) startKillChain(vigil.gateway());
        ServeCommand.awaitShutdown(vigil);
        return 0;
    }

    private Templates templates() throws java.io.IOException {
        Path dir = templatesDir != null ? templatesDir : Path.of("..", "shared", "data");
        if (Files.isDirectory(dir)) {
            System.out.println("Demo: modelling events on the logs in " + dir.toAbsolutePath().normalize());
            return Templates.fromDataDir(dir);
        }
        return Templates.builtin();
    }

    private static int send(IngestGateway gateway, EventGenerator generator) {
        int sent = 0;
        List<byte[]> lines = new ArrayList<>(BATCH);
        while (generator.hasNext()) {
            lines.add(generator.next().getBytes(StandardCharsets.UTF_8));
            if (lines.size() == BATCH || !generator.hasNext()) {
                gateway.submit(new RawBatch("demo", "demo", "", System.currentTimeMillis(), lines)).join();
                sent += lines.size();
                lines.clear();
            }
        }
        return sent;
    }

    private void startKillChain(IngestGateway gateway) {
        long start = System.currentTimeMillis() + attackDelay * 1000L;
        List<KillChain.Step> steps = KillChain.plan(start, Math.max(0, attackGap) * 1000L);
        System.out.println("Demo: a ransomware attack on " + KillChain.ENTRY + " and " + String.join(", ", KillChain.TARGETS)
                + " starts at " + java.time.Instant.ofEpochMilli(start) + " (events labelled synthetic)");
        Thread.ofVirtual().name("vigil-demo-attack").start(() -> {
            try {
                KillChainReplay.run(gateway, steps, (step, at) -> {
                    if (!step.phase().equals("encryption") || step == firstOf(steps, "encryption")) {
                        System.out.println("Demo attack: " + step.phase() + " (" + step.events().size() + " events)");
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException shuttingDown) {
                // the gateway refuses batches once shutdown starts
            }
        });
    }

    private static KillChain.Step firstOf(List<KillChain.Step> steps, String phase) {
        return steps.stream().filter(s -> s.phase().equals(phase)).findFirst().orElseThrow();
    }

    private void startLiveStream(IngestGateway gateway, Templates templates) {
        Thread.ofVirtual().name("vigil-demo-stream").start(() -> {
            long tick = 0;
            while (!Thread.currentThread().isInterrupted()) {
                long now = System.currentTimeMillis();
                try {
                    send(gateway, new EventGenerator(templates, seed + ++tick, now, now + 1000, rate));
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException shuttingDown) {
                    return; // the gateway refuses batches once shutdown starts
                }
            }
        });
    }
}
