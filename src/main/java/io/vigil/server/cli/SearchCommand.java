package io.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.search.SearchException;
import io.vigil.server.Vigil;
import io.vigil.server.config.VigilConfig;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Searches events with the query language (field:value, \"phrases\", wildcards, ranges,",
                "AND/OR/NOT, _exists_:field), on a running Vigil (--url) or a data directory (--data)."})
public final class SearchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Format { table, json, ndjson }

    @Mixin
    RemoteOptions target;

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", defaultValue = "", description = "The query (empty: everything).")
    String query;

    @Option(names = "--from", defaultValue = "now-24h", description = "Start: ISO-8601 or now-15m style (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--to", defaultValue = "now", description = "End (default: ${DEFAULT-VALUE}).")
    String to;

    @Option(names = "--size", defaultValue = "20", description = "Hits to show (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--format", defaultValue = "table", description = "table, json (the API response) or ndjson (one event per line).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        target.requireOne(spec.commandLine());
        ObjectNode request = JSON.createObjectNode().put("query", query).put("from", from).put("to", to).put("size", size);
        JsonNode response;
        if (target.url != null) {
            HttpResponse<String> r = target.post("/api/search", "application/json", request.toString().getBytes(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                System.err.println("vigil: search failed (" + r.statusCode() + "): " + r.body());
                return r.statusCode() == 400 ? 2 : 1;
            }
            response = JSON.readTree(r.body());
        } else {
            try (Vigil vigil = Vigil.open(VigilConfig.DEFAULTS, target.data)) {
                response = vigil.search().search(request);
            } catch (SearchException e) {
                System.err.println("vigil: " + e.getMessage() + (e.position() >= 0 ? " (at position " + e.position() + ")" : ""));
                return 2;
            }
        }
        print(response);
        return 0;
    }

    private void print(JsonNode response) throws Exception {
        switch (format) {
            case json -> System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(response));
            case ndjson -> response.path("hits").forEach(h -> System.out.println(h.path("_source")));
            case table -> table(response);
        }
    }

    private static void table(JsonNode response) {
        System.out.printf("%d events match (%d ms)%n", response.path("total").asLong(), response.path("took_ms").asLong());
        for (JsonNode hit : response.path("hits")) {
            JsonNode s = hit.path("_source");
            String what = first(s, "/event/code", "/event/dataset", "/event/action");
            String text = first(s, "/message", "/event/original", "/process/command_line");
            text = text.replaceAll("\\s+", " ");
            if (text.length() > 120) text = text.substring(0, 117) + "...";
            System.out.printf("%-24s %-22s %-14s %s%n", hit.path("@timestamp").asText(), first(s, "/host/name"), what, text);
        }
    }

    private static String first(JsonNode source, String... pointers) {
        for (String p : pointers) {
            JsonNode n = source.at(p);
            if (!n.isMissingNode() && !n.isNull()) return n.isValueNode() ? n.asText() : n.toString();
        }
        return "-";
    }
}
