package io.vigil.detect;

import io.vigil.detect.rule.LoadedRules;
import io.vigil.detect.rule.RuleLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vigil's own rule pack, read from the classpath folder {@code rules/}. A JAR cannot be listed portably,
 * so {@code rules/INDEX} names every rule file (one path per line, relative to {@code rules/}; blank lines
 * and {@code #} comments ignored); a test keeps it equal to the folder. Works from {@code target/classes}
 * and from inside the shaded JAR alike.
 */
public final class BuiltinRules {

    public static final String FOLDER = "rules/";
    public static final String INDEX = FOLDER + "INDEX";

    private BuiltinRules() {}

    /** The files named by the index. */
    public static List<String> index() {
        String text = read(INDEX);
        return text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Loads every indexed rule; problems are cited as {@code classpath:rules/<file>}. */
    public static LoadedRules load() {
        Map<Path, String> files = new LinkedHashMap<>();
        for (String name : index()) files.put(Path.of("classpath:" + FOLDER + name), read(FOLDER + name));
        return new RuleLoader().loadText(files);
    }

    private static String read(String resource) {
        try (InputStream in = BuiltinRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("built-in rule resource " + resource + " is missing from the classpath; rebuild Vigil");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in rule resource " + resource, e);
        }
    }
}
