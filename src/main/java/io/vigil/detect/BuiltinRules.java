package io.vigil.detect;

import io.vigil.detect.rule.CorrelationRule;
import io.vigil.detect.rule.LoadedRules;
import io.vigil.detect.rule.RuleLoader;
import io.vigil.detect.rule.SigmaRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * The pack followed by the configured rules, minus every pack rule or correlation whose id or name a
     * configured one also uses: a configured rule directory overrides the pack rule by rule (this is how a
     * correlation's threshold is changed, since Sigma has no variables). Filters and problems are kept.
     */
    public static LoadedRules overriddenBy(LoadedRules pack, LoadedRules configured) {
        Set<String> taken = new HashSet<>();
        configured.rules().forEach(r -> addIdAndName(taken, r.id(), r.name()));
        configured.correlations().forEach(c -> addIdAndName(taken, c.id(), c.name()));
        List<SigmaRule> rules = pack.rules().stream()
                .filter(r -> !taken.contains(r.id()) && (r.name() == null || !taken.contains(r.name()))).toList();
        List<CorrelationRule> correlations = pack.correlations().stream()
                .filter(c -> !taken.contains(c.id()) && (c.name() == null || !taken.contains(c.name()))).toList();
        return new LoadedRules(rules, correlations, pack.filters(), pack.problems(), pack.files()).plus(configured);
    }

    private static void addIdAndName(Set<String> taken, String id, String name) {
        taken.add(id);
        if (name != null) taken.add(name);
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
