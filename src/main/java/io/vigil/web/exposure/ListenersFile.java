package io.vigil.web.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code <data>/run/listeners.json}: what the running server listens on, written at start so that
 * {@code vigil exposure-check --self} can probe it from outside the process.
 * <pre>{"version":1,"listeners":[{"name":"http","scheme":"https","host":"0.0.0.0","port":9200}]}</pre>
 * Written atomically (temp file + rename), owner-only.
 */
public final class ListenersFile {
    public static final String RELATIVE_PATH = "run/listeners.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One listening socket. {@code scheme} is http, https, tcp, tls or udp. */
    public record Listener(String name, String scheme, String host, int port) {
        public Listener {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(host, "host");
        }

        /** The URL to probe: a wildcard bind address is probed on loopback. */
        public URI probeUrl() {
            String h = host.equals("0.0.0.0") || host.equals("::") || host.isBlank() ? "127.0.0.1"
                    : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            return URI.create(scheme + "://" + h + ":" + port);
        }

        public boolean isHttp() {
            return scheme.equals("http") || scheme.equals("https");
        }
    }

    private ListenersFile() {
    }

    public static void write(Path dataDir, List<Listener> listeners) {
        Path file = dataDir.resolve(RELATIVE_PATH);
        ObjectNode root = JSON.createObjectNode().put("version", 1);
        ArrayNode array = root.putArray("listeners");
        listeners.forEach(l -> array.addObject().put("name", l.name()).put("scheme", l.scheme()).put("host", l.host())
                .put("port", l.port()));
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("listeners.json.tmp");
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static List<Listener> read(Path dataDir) {
        Path file = dataDir.resolve(RELATIVE_PATH);
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<Listener> listeners = new ArrayList<>();
            for (JsonNode l : root.path("listeners")) {
                listeners.add(new Listener(l.path("name").asText(), l.path("scheme").asText(), l.path("host").asText(),
                        l.path("port").asInt()));
            }
            return listeners;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (is the server running, or has it ever started"
                    + " with this data directory?)", e);
        }
    }
}
