package io.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.event.RawBatch;
import io.vigil.ingest.file.EventFileReader;
import io.vigil.server.Vigil;
import io.vigil.server.config.VigilConfig;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Sends events from files to a running Vigil (--url, through _bulk) or straight into a data",
                "directory (--data). Files: NDJSON, JSON arrays, concatenated JSON objects, or text (one event per line)."})
public final class IngestCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH_EVENTS = 2000;
    private static final int BATCH_BYTES = 5 << 20;

    @Mixin
    RemoteOptions target;

    @Option(names = "--index", defaultValue = "files", description = "Index name recorded on the events (default: ${DEFAULT-VALUE}).")
    String index;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to ingest.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        target.requireOne(spec.commandLine());
        long total = 0, failed = 0;
        Vigil vigil = target.data == null ? null : Vigil.open(VigilConfig.DEFAULTS, target.data);
        try {
            for (Path file : files) {
                long[] counts = ingest(file, vigil);
                total += counts[0];
                failed += counts[1];
                System.out.printf("%s: %d events%s%n", file, counts[0], counts[1] > 0 ? ", " + counts[1] + " rejected" : "");
            }
        } finally {
            if (vigil != null) vigil.close(); // processes and commits everything journaled
        }
        System.out.printf("ingested %d events from %d file(s)%s%n", total - failed, files.size(), failed > 0 ? "; " + failed + " rejected" : "");
        return failed > 0 ? 1 : 0;
    }

    private long[] ingest(Path file, Vigil vigil) throws Exception {
        long count = 0, failed = 0;
        try (EventFileReader reader = new EventFileReader(file)) {
            List<byte[]> batch = new ArrayList<>();
            long bytes = 0;
            for (byte[] event; (event = reader.next()) != null; ) {
                batch.add(event);
                bytes += event.length;
                if (batch.size() >= BATCH_EVENTS || bytes >= BATCH_BYTES) {
                    failed += send(batch, vigil);
                    count += batch.size();
                    batch.clear();
                    bytes = 0;
                }
            }
            if (!batch.isEmpty()) {
                failed += send(batch, vigil);
                count += batch.size();
            }
        }
        return new long[] {count, failed};
    }

    /** Sends one batch; returns how many events the server rejected. */
    private long send(List<byte[]> events, Vigil vigil) throws Exception {
        if (vigil != null) {
            vigil.gateway().submit(new RawBatch("file", index, "", System.currentTimeMillis(), events)).join();
            return 0;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] e : events) {
            body.write("{\"index\":{}}\n".getBytes(StandardCharsets.UTF_8));
            body.write(flatten(e));
            body.write('\n');
        }
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> r = target.post("/" + index + "/_bulk", "application/x-ndjson", body.toByteArray());
            if (r.statusCode() == 429 && attempt < 30) {
                Thread.sleep(1000L * r.headers().firstValueAsLong("Retry-After").orElse(1));
                continue;
            }
            if (r.statusCode() != 200) throw new IllegalStateException("server answered " + r.statusCode() + ": " + r.body());
            JsonNode answer = JSON.readTree(r.body());
            long rejected = 0;
            for (JsonNode item : answer.path("items")) {
                if (item.elements().next().path("status").asInt(200) >= 300) rejected++;
            }
            return rejected;
        }
    }

    /** A bulk document must sit on one line: pretty-printed objects are compacted, text lines wrapped as messages. */
    private static byte[] flatten(byte[] event) throws java.io.IOException {
        for (byte b : event) {
            if (b == '\n' || b == '\r') {
                try {
                    return JSON.writeValueAsBytes(JSON.readTree(event));
                } catch (java.io.IOException notJson) {
                    return JSON.writeValueAsBytes(java.util.Map.of("message", new String(event, StandardCharsets.UTF_8)));
                }
            }
        }
        if (event.length > 0 && event[0] != '{') {
            return JSON.writeValueAsBytes(java.util.Map.of("message", new String(event, StandardCharsets.UTF_8)));
        }
        return event;
    }
}
