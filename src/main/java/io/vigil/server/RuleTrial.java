package io.vigil.server;

import io.vigil.detect.Match;
import io.vigil.detect.RuleSet;
import io.vigil.detect.rule.LoadedRules;
import io.vigil.detect.rule.RuleLoader;
import io.vigil.detect.rule.RuleProblem;
import io.vigil.event.Event;
import io.vigil.store.EventStore;
import io.vigil.store.SearchRequest;
import io.vigil.store.SearchResult;
import io.vigil.store.StoreQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * "Test a rule against recent events": compiles a posted Sigma rule on its own (never touching the loaded
 * catalog) and runs it over stored events of a time range, newest first, paging with {@code search_after}.
 * The rule text goes through a temporary file because {@link RuleLoader} reads files; the file's name never
 * reaches the caller. Scanning stops after {@link #MAX_SCANNED} events so a test cannot tie up the store.
 * Thread-safe (no state besides the store).
 */
final class RuleTrial {
    static final int MAX_SCANNED = 200_000;
    private static final int PAGE = 1000;
    private final EventStore store;

    RuleTrial(EventStore store) {
        this.store = store;
    }

    /** The store rules are tried on (also read by retro-hunts). */
    EventStore store() {
        return store;
    }

    /** A rule text that does not load or compile: the first problem's line (0 if unknown) and reason. */
    static final class InvalidRule extends Exception {
        final int line;

        InvalidRule(int line, String reason) {
            super(reason);
            this.line = line;
        }
    }

    record MatchedEvent(String id, long timestamp, String host, String ruleTitle) {}

    /**
     * @param matches events that matched (all of them, even beyond {@code limit})
     * @param scanned events evaluated
     * @param complete false when scanning stopped at {@link #MAX_SCANNED}
     * @param events  the first {@code limit} matches, newest first
     */
    record Outcome(long matches, long scanned, boolean complete, List<MatchedEvent> events) {
        Outcome {
            events = List.copyOf(events);
        }
    }

    Outcome run(String yaml, long from, long to, int limit) throws InvalidRule, IOException {
        Objects.requireNonNull(yaml, "yaml");
        RuleSet rules = compile(yaml);
        List<MatchedEvent> shown = new ArrayList<>();
        long matches = 0;
        long scanned = 0;
        List<Object> after = List.of();
        while (scanned < MAX_SCANNED) {
            SearchResult page = store.search(new SearchRequest(new StoreQuery.MatchAll(), from, to, PAGE, List.of(),
                    after, Map.of()));
            for (SearchResult.Hit hit : page.hits()) {
                scanned++;
                List<Match> found = rules.evaluate(hit.event());
                if (found.isEmpty()) continue;
                matches++;
                if (shown.size() < limit) shown.add(matched(hit.event(), found.getFirst()));
            }
            if (page.hits().size() < PAGE) return new Outcome(matches, scanned, true, shown);
            after = page.hits().getLast().sortValues();
        }
        return new Outcome(matches, scanned, false, shown);
    }

    private static MatchedEvent matched(Event event, Match match) {
        return new MatchedEvent(event.id(), event.timestamp(), event.text("host.name"), match.rule().title());
    }

    private static RuleSet compile(String yaml) throws InvalidRule, IOException {
        Path file = Files.createTempFile("vigil-rule-test-", ".yml");
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            LoadedRules loaded = new RuleLoader().loadFile(file);
            RuleSet.Compiled compiled = RuleSet.compile(loaded, Map.of());
            if (!compiled.problems().isEmpty()) {
                RuleProblem first = compiled.problems().getFirst();
                throw new InvalidRule(first.line(), first.reason());
            }
            if (compiled.ruleSet().size() == 0) {
                throw new InvalidRule(0, "the text holds no detection rule (expected a Sigma rule with title, "
                        + "logsource and detection)");
            }
            return compiled.ruleSet();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
