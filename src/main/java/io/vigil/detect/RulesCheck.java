package io.vigil.detect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.detect.rule.LoadedRules;
import io.vigil.detect.rule.RuleLoader;
import io.vigil.detect.rule.RuleProblem;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code vigil rules check DIR... [--format json]}: loads and compiles every rule under the paths and
 * prints how many loaded, how many were rejected, and each rejection as {@code file:line: reason}.
 */
public final class RulesCheck {

    public enum Format { TEXT, JSON }

    /** Counts and rejections of one check. */
    public record Report(int files, int loaded, int correlations, List<RuleProblem> rejected) {
        public Report {
            rejected = List.copyOf(rejected);
        }
    }

    private final PrintStream out;

    public RulesCheck(PrintStream out) {
        this.out = out;
    }

    /** Checks the paths, prints the report in {@code format}, and returns exit status 0 (all loaded) or 1. */
    public int run(List<Path> paths, Format format) {
        return run(paths, format, Map.of());
    }

    public int run(List<Path> paths, Format format, Map<String, List<String>> placeholders) {
        Report report = check(paths, placeholders);
        switch (format) {
            case TEXT -> printText(report);
            case JSON -> out.println(json(report));
        }
        return report.rejected().isEmpty() ? 0 : 1;
    }

    public static Report check(List<Path> paths, Map<String, List<String>> placeholders) {
        LoadedRules loaded = new RuleLoader().load(paths);
        RuleSet.Compiled compiled = RuleSet.compile(loaded, placeholders);
        return new Report(loaded.files(), compiled.ruleSet().size(), loaded.correlations().size(), compiled.problems());
    }

    private void printText(Report r) {
        for (RuleProblem p : r.rejected()) out.println(p.file() + ":" + p.line() + ": " + p.reason());
        out.printf("%d files: %d rules loaded, %d correlations, %d rejected%n", r.files(), r.loaded(),
                r.correlations(), r.rejected().size());
    }

    private static String json(Report r) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("files", r.files());
        root.put("loaded", r.loaded());
        root.put("correlations", r.correlations());
        root.put("rejected", r.rejected().size());
        ArrayNode list = root.putArray("rejections");
        for (RuleProblem p : r.rejected()) {
            list.addObject().put("file", p.file().toString()).put("line", p.line()).put("reason", p.reason());
        }
        return root.toString();
    }
}
