package io.vigil.detect.rule;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads Sigma YAML files (single documents and rule collections with {@code action: global/reset/repeat})
 * from files or directory trees. Never stops at a bad file or rule: each is recorded as a
 * {@link RuleProblem} with its file and line, and the rest is loaded.
 *
 * <p>Structural checks only; value modifiers and conditions are checked when rules are compiled.
 */
public final class RuleLoader {
    /**
     * The YAML parser's own limit on a document (SnakeYAML's 3 Mi code points). Checked before parsing: the parser
     * reads up to the limit before it refuses, which took seconds on a 4 MiB file (found by the fuzz run).
     */
    static final int MAX_FILE_CHARS = 3 << 20;

    /** Loads every {@code .yml}/{@code .yaml} file under each path (files are taken as given), sorted by path. */
    public LoadedRules load(List<Path> roots) {
        Accumulator acc = new Accumulator();
        for (Path root : roots) {
            for (Path file : ruleFiles(root, acc)) loadFile(file, acc);
        }
        return acc.result();
    }

    /** Loads one file's documents. */
    public LoadedRules loadFile(Path file) {
        Accumulator acc = new Accumulator();
        loadFile(file, acc);
        return acc.result();
    }

    /**
     * Loads rule files given as text (e.g. read from the classpath); {@code name} is what problems cite.
     */
    public LoadedRules loadText(java.util.Map<Path, String> files) {
        Accumulator acc = new Accumulator();
        files.forEach((name, text) -> {
            acc.files++;
            if (text.length() > MAX_FILE_CHARS) {
                acc.problems.add(tooLarge(name, text.length()));
                return;
            }
            List<YamlDocument> docs;
            try (Reader in = new java.io.StringReader(text)) {
                docs = YamlReader.readAll(in);
            } catch (IOException | RuntimeException e) {
                acc.problems.add(new RuleProblem(name, lineOf(e), "invalid YAML: " + firstLine(e.getMessage())));
                return;
            }
            expandCollection(name, docs, acc);
        });
        return acc.result();
    }

    private static List<Path> ruleFiles(Path root, Accumulator acc) {
        if (!Files.exists(root)) {
            acc.problems.add(new RuleProblem(root, 0, "no such file or directory"));
            return List.of();
        }
        if (Files.isRegularFile(root)) return List.of(root);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            acc.problems.add(new RuleProblem(root, 0, "cannot list directory: " + e.getMessage()));
            return List.of();
        }
    }

    private static void loadFile(Path file, Accumulator acc) {
        acc.files++;
        try {
            if (Files.size(file) > 4L * MAX_FILE_CHARS) { // at most 4 bytes per character in UTF-8
                acc.problems.add(tooLarge(file, Files.size(file)));
                return;
            }
        } catch (IOException e) {
            acc.problems.add(new RuleProblem(file, 0, "cannot read: " + e.getMessage()));
            return;
        }
        List<YamlDocument> docs;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            docs = YamlReader.readAll(in);
        } catch (IOException | RuntimeException e) {
            acc.problems.add(new RuleProblem(file, lineOf(e), "invalid YAML: " + firstLine(e.getMessage())));
            return;
        }
        expandCollection(file, docs, acc);
    }

    private static RuleProblem tooLarge(Path file, long size) {
        return new RuleProblem(file, 0, "rule file too large: " + size + " characters or bytes, the limit is "
                + MAX_FILE_CHARS + " characters (a Sigma rule file is a few KiB; split collections into several files)");
    }

    /** Applies the collection actions, then turns each resulting document into a rule, filter or correlation. */
    private static void expandCollection(Path file, List<YamlDocument> docs, Accumulator acc) {
        YamlDocument global = null;
        YamlDocument previous = null;
        int index = 0;
        for (YamlDocument doc : docs) {
            Object action = doc.root().get("action");
            SourceLocation where = new SourceLocation(file, doc.line());
            if ("global".equals(action)) {
                global = doc.without("action").mergedOnto(global);
            } else if ("reset".equals(action)) {
                global = null;
            } else if ("repeat".equals(action)) {
                if (previous == null) {
                    acc.problems.add(RuleProblem.at(where, "action: repeat without a previous rule document"));
                    continue;
                }
                previous = doc.without("action").mergedOnto(previous);
                acc.add(DocumentReader.read(previous, where, index++));
            } else if (action != null) {
                acc.problems.add(RuleProblem.at(where, "unknown collection action '" + action
                        + "'; use global, reset or repeat"));
            } else {
                previous = doc.mergedOnto(global);
                acc.add(DocumentReader.read(previous, where, index++));
            }
        }
    }

    private static int lineOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
                return Math.max(0, jpe.getLocation().getLineNr());
            }
        }
        return 0;
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Mutable collection used while loading; frozen into {@link LoadedRules} at the end. */
    private static final class Accumulator {
        final List<SigmaRule> rules = new ArrayList<>();
        final List<CorrelationRule> correlations = new ArrayList<>();
        final List<SigmaFilter> filters = new ArrayList<>();
        final List<RuleProblem> problems = new ArrayList<>();
        int files;

        void add(DocumentReader.Result r) {
            switch (r) {
                case DocumentReader.Result.Rule rule -> rules.add(rule.rule());
                case DocumentReader.Result.Correlation c -> correlations.add(c.rule());
                case DocumentReader.Result.Filter f -> filters.add(f.filter());
                case DocumentReader.Result.Problem p -> problems.add(p.problem());
            }
        }

        LoadedRules result() {
            return new LoadedRules(rules, correlations, filters, problems, files);
        }
    }
}
