package io.vigil.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The events a generator models its output on.
 *
 * @param windows       Windows events as flat JSON objects
 * @param authLines     Linux auth syslog lines
 * @param webLines      web access log lines
 * @param windowsShare  percentage of generated events that are Windows events
 */
public record Templates(List<ObjectNode> windows, List<String> authLines, List<String> webLines, int windowsShare) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Templates {
        windows = List.copyOf(windows);
        authLines = List.copyOf(authLines);
        webLines = List.copyOf(webLines);
        if (windows.isEmpty()) throw new IllegalArgumentException("templates need at least one Windows event");
        if (windowsShare < 0 || windowsShare > 100) throw new IllegalArgumentException("windowsShare must be 0..100");
    }

    /** Vigil's own small template set, written for it (no third-party data). */
    public static Templates builtin() {
        try {
            return new Templates(jsonLines(resource("builtin-windows.ndjson")),
                    textLines(resource("builtin-auth.txt")), textLines(resource("builtin-access.txt")), 60);
        } catch (IOException e) {
            throw new IllegalStateException("built-in templates missing from the JAR", e);
        }
    }

    /**
     * Templates from a data directory laid out like {@code ../shared/data}: {@code windows/otrf/windows/**.json},
     * {@code linux/auth.log}, {@code web/apache_logs_combined.log}. Falls back to built-ins for missing parts.
     */
    public static Templates fromDataDir(Path data) throws IOException {
        Templates builtin = builtin();
        List<ObjectNode> windows = new ArrayList<>();
        Path otrf = data.resolve("windows/otrf/windows");
        if (Files.isDirectory(otrf)) {
            try (Stream<Path> files = Files.walk(otrf)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        windows.addAll(jsonLines(in));
                    }
                }
            }
        }
        List<String> auth = readIfExists(data.resolve("linux/auth.log"));
        List<String> web = readIfExists(data.resolve("web/apache_logs_combined.log"));
        return new Templates(windows.isEmpty() ? builtin.windows() : windows,
                auth.isEmpty() ? builtin.authLines() : auth, web.isEmpty() ? builtin.webLines() : web, 60);
    }

    /** The same templates restricted to one kind: "windows", "auth", "web" or "mixed" (all). */
    public Templates only(String kind) {
        return switch (kind) {
            case "windows" -> new Templates(windows, List.of(), List.of(), 100);
            case "auth" -> new Templates(windows, authLines, List.of(), 0);
            case "web" -> new Templates(windows, List.of(), webLines, 0);
            case "mixed" -> this;
            default -> throw new IllegalArgumentException("unknown kind '" + kind + "'; expected windows, auth, web or mixed");
        };
    }

    private static List<String> readIfExists(Path p) throws IOException {
        if (!Files.isRegularFile(p)) return List.of();
        try (InputStream in = Files.newInputStream(p)) {
            return textLines(in);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Templates.class.getResourceAsStream(name);
        if (in == null) throw new IOException("resource " + name + " not found");
        return in;
    }

    private static List<ObjectNode> jsonLines(InputStream in) throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        for (String line : textLines(in)) {
            try {
                JsonNode n = JSON.readTree(line);
                if (n instanceof ObjectNode o) out.add(o);
            } catch (IOException notJson) {
                // a template file may hold a stray non-JSON line; it is simply not a template
            }
        }
        return out;
    }

    private static List<String> textLines(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) out.add(line);
            }
        }
        return out;
    }
}
