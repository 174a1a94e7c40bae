package io.vigil.server.cli;

import io.vigil.generate.EventGenerator;
import io.vigil.generate.Templates;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes realistic events as NDJSON (for demos, tests and benchmarks): Windows events, Linux",
                "auth lines and web access lines modelled on real logs, rewritten into a fictional organisation."})
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "10000", description = "How many (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--kind", defaultValue = "mixed", description = "windows, auth, web or mixed (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--hours", defaultValue = "24", description = "Spread over the last N hours (default: ${DEFAULT-VALUE}).")
    long hours;

    @Option(names = "--templates", paramLabel = "DIR", description = "Real logs to model on (layout of ../shared/data); default: built-in templates.")
    Path templates;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Templates t = (templates == null ? Templates.builtin() : Templates.fromDataDir(templates)).only(kind);
        long now = Instant.now().toEpochMilli();
        EventGenerator generator = new EventGenerator(t, seed, now - hours * 3_600_000L, now, events);
        try (Writer w = new BufferedWriter(out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(out), 1 << 16)) {
            while (generator.hasNext()) {
                w.write(generator.next());
                w.write('\n');
            }
        }
        return 0;
    }
}
