package io.vigil.detect;

import io.vigil.detect.compile.CompiledRule;
import io.vigil.detect.compile.Dialect;
import io.vigil.detect.compile.EventView;
import io.vigil.detect.compile.FieldMapping;
import io.vigil.detect.compile.LogSourceRouting;
import io.vigil.detect.compile.LiteralIndex;
import io.vigil.detect.compile.RoutePlan;
import io.vigil.detect.compile.RuleCompiler;
import io.vigil.detect.compile.RuleRejection;
import io.vigil.detect.correlate.CorrelationCompiler;
import io.vigil.detect.correlate.CorrelationSet;
import io.vigil.detect.rule.CorrelationRule;
import io.vigil.detect.rule.LoadedRules;
import io.vigil.detect.rule.RuleProblem;
import io.vigil.detect.rule.SigmaRule;
import io.vigil.event.Event;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable, compiled set of Sigma rules. {@link #evaluate} routes an event by its log source to the
 * rules that can concern it ({@link RoutePlan}, one per combination of route keys, built on first use and
 * cached), prefilters them by literal ({@link LiteralIndex}: each needed field scanned once), and runs the
 * survivors' predicate trees. Thread-safe: any number of threads may evaluate concurrently; reloads build
 * a new set.
 */
public final class RuleSet {

    private final List<CompiledRule> rules;
    /** Route key to the indexes (in {@link #rules}) of the rules filed under it. */
    private final Map<String, List<Integer>> byRoute;
    private final List<String> nonWindowsRoutes;
    private final LiteralIndex literals;
    private final Map<List<String>, RoutePlan> plans = new ConcurrentHashMap<>();
    private final Map<Object, Resolved> bySource = new ConcurrentHashMap<>();
    private final String[][][] fieldKeys;
    private final List<CorrelationRule> correlations;
    private final CorrelationSet correlationSet;
    private final LogSourceRouting routing = new LogSourceRouting();
    private final FieldMapping fieldMapping = new FieldMapping();

    private RuleSet(List<CompiledRule> rules, String[][][] fieldKeys, List<CorrelationRule> correlations,
                    CorrelationSet correlationSet) {
        this.rules = List.copyOf(rules);
        this.fieldKeys = fieldKeys;
        this.correlations = List.copyOf(correlations);
        this.correlationSet = correlationSet;
        Map<String, List<Integer>> routed = new LinkedHashMap<>();
        for (int i = 0; i < this.rules.size(); i++) {
            for (String route : this.rules.get(i).routes()) routed.computeIfAbsent(route, k -> new ArrayList<>()).add(i);
        }
        this.byRoute = Map.copyOf(routed);
        this.nonWindowsRoutes = routed.keySet().stream().filter(k -> !k.startsWith("win|")).toList();
        this.literals = new LiteralIndex(this.rules);
    }

    /** The event's route keys, with an unrecognized source standing for every non-Windows route. */
    private List<String> routesOf(Event event) {
        List<String> routes = routing.routesOf(event);
        return routes.size() == 1 && routes.get(0).equals(LogSourceRouting.UNKNOWN) ? nonWindowsRoutes : routes;
    }

    /** The result of compiling loaded rules: the set plus every rule that was rejected. */
    public record Compiled(RuleSet ruleSet, List<RuleProblem> problems) {
        public Compiled {
            problems = List.copyOf(problems);
        }
    }

    /** An empty rule set. */
    public static RuleSet empty() {
        return compile(new LoadedRules(List.of(), List.of(), List.of(), List.of(), 0), Map.of()).ruleSet();
    }

    /**
     * Compiles every loaded rule; a rule that cannot be compiled is skipped and reported.
     *
     * @param placeholders values for {@code expand} placeholders ({@code %name%} to its values)
     */
    public static Compiled compile(LoadedRules loaded, Map<String, List<String>> placeholders) {
        RuleCompiler compiler = new RuleCompiler(placeholders, loaded.filters());
        List<CompiledRule> ok = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>(loaded.problems());
        for (SigmaRule rule : loaded.rules()) {
            try {
                ok.add(compiler.compile(rule));
            } catch (RuleRejection e) {
                int line = e.line() > 0 ? e.line() : rule.source().line();
                problems.add(new RuleProblem(rule.source().file(), line, e.getMessage()));
            }
        }
        String[][][] keys = compiler.fields().freeze(new FieldMapping());
        CorrelationSet correlationSet = CorrelationCompiler.compile(loaded.rules(), loaded.correlations(), problems);
        return new Compiled(new RuleSet(ok, keys, loaded.correlations(), correlationSet), problems);
    }

    /**
     * The same rules without those (detection or correlation rules) whose id is in {@code disabled}. Shares
     * the compiled structures; swap the result in atomically ({@link DetectionEngine#swap}).
     */
    public RuleSet withDisabled(Set<String> disabled) {
        Set<String> off = Set.copyOf(disabled);
        List<CompiledRule> kept = rules.stream().filter(r -> !off.contains(r.rule().id())).toList();
        List<CorrelationRule> keptCorrelations = correlations.stream().filter(c -> !off.contains(c.id())).toList();
        return new RuleSet(kept, fieldKeys, keptCorrelations, correlationSet.without(off));
    }

    /** Every rule that matches the event. */
    public List<Match> evaluate(Event event) {
        Resolved how = resolve(event);
        EventView view = new EventView(event, how.dialect(), fieldKeys);
        List<Match> matches = new ArrayList<>(2);
        how.plan().evaluate(view, r -> matches.add(new Match(r.rule(), event)));
        return matches;
    }

    private record Resolved(RoutePlan plan, Dialect dialect) {}

    /**
     * The plan and dialect of an event, cached by the fields routing reads ({@link LogSourceRouting#sourceOf}):
     * Windows events by channel and event id, others by dataset, category and syslog program. The cache is
     * bounded; past it, events take the general path, with the same result.
     */
    private Resolved resolve(Event event) {
        Object source = routing.sourceOf(event);
        Resolved r = bySource.get(source);
        if (r != null) return r;
        r = new Resolved(planFor(event), routing.dialectOf(event));
        if (bySource.size() < MAX_PLANS) bySource.putIfAbsent(source, r);
        return r;
    }

    /** Upper bound on cached plans; only reachable with rule sets of very many distinct routes. */
    private static final int MAX_PLANS = 4096;

    /**
     * The plan for the event's routes. Keyed by the routes that have rules, so the cache is bounded by the
     * rule set's routes, not by the variety of events.
     */
    private RoutePlan planFor(Event event) {
        List<String> routes = new ArrayList<>(3);
        for (String route : routesOf(event)) if (byRoute.containsKey(route)) routes.add(route);
        RoutePlan plan = plans.get(routes);
        if (plan != null) return plan;
        plan = new RoutePlan(rules, routes.stream().flatMap(r -> byRoute.get(r).stream()).distinct().sorted().toList(), literals,
                fieldKeys);
        if (plans.size() < MAX_PLANS) plans.putIfAbsent(routes, plan);
        return plan;
    }

    /**
     * The same result as {@link #evaluate}, computed the slow way: every rule whose routes include the
     * event's, without prefilter or buckets. A reference for tests and the benchmark.
     */
    public List<Match> evaluateEveryRule(Event event) {
        Dialect dialect = routing.dialectOf(event);
        EventView view = new EventView(event, dialect, fieldKeys);
        Set<String> eventRoutes = new HashSet<>(routesOf(event));
        List<Match> matches = new ArrayList<>(2);
        for (CompiledRule r : rules) {
            if (r.routes().stream().anyMatch(eventRoutes::contains) && r.predicate().test(view)) {
                matches.add(new Match(r.rule(), event));
            }
        }
        return matches;
    }

    public int size() {
        return rules.size();
    }

    public List<CompiledRule> rules() {
        return rules;
    }

    /** Correlation rules as loaded (including any that failed to compile). */
    public List<CorrelationRule> correlations() {
        return correlations;
    }

    /** The compiled correlations, evaluated by a {@link io.vigil.detect.correlate.CorrelationEngine}. */
    public CorrelationSet correlationSet() {
        return correlationSet;
    }

    /** The log-source routing and field tables this set evaluates with (for reading group-by fields). */
    FieldReader fieldReader() {
        return new FieldReader(fieldMapping, routing);
    }

    /** How many rules are guarded by the literal prefilter (the others run on every event routed to them). */
    public int prefilteredRules() {
        return (int) rules.stream().filter(r -> r.prefilter() != null).count();
    }
}
