package io.vigil.cases.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MITRE ATT&CK technique names by id (T1490 → "Inhibit System Recovery"), for reports. Immutable. */
public final class AttackCatalog {
    public static final AttackCatalog EMPTY = new AttackCatalog(Map.of());
    private static final Pattern TAG = Pattern.compile("attack\\.(t\\d{4}(?:\\.\\d{3})?)");
    private final Map<String, String> names;

    private AttackCatalog(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    /** Reads {@code <dataDir>/attack/techniques.csv} (id,name,…); names containing commas are quoted. */
    public static AttackCatalog load(Path dataDir) {
        Path csv = dataDir.resolve("attack/techniques.csv");
        try {
            Map<String, String> names = new HashMap<>();
            List<String> lines = Files.readAllLines(csv);
            for (String line : lines.subList(1, lines.size())) {
                int comma = line.indexOf(',');
                if (comma < 0) continue;
                String rest = line.substring(comma + 1);
                String name = rest.startsWith("\"") ? rest.substring(1, rest.indexOf('"', 1)) : rest.substring(0, Math.max(0, rest.indexOf(',')));
                names.put(line.substring(0, comma), name);
            }
            return new AttackCatalog(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ATT&CK techniques from " + csv, e);
        }
    }

    /** The technique id in a Sigma tag ({@code attack.t1059.001} → {@code T1059.001}), if it is one. */
    public static Optional<String> techniqueOf(String tag) {
        Matcher m = TAG.matcher(tag.toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    /** The technique's name, or its id when unknown. */
    public String name(String techniqueId) {
        return names.getOrDefault(techniqueId, techniqueId);
    }
}
