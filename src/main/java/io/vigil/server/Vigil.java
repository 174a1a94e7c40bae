package io.vigil.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.access.Accounts;
import io.vigil.ingest.syslog.SyslogInputs;
import io.vigil.ingest.syslog.SyslogMetrics;
import io.vigil.ingest.syslog.SyslogOptions;
import io.vigil.journal.FileJournal;
import io.vigil.meta.MetaDatabase;
import io.vigil.parse.DefaultEventParser;
import io.vigil.parse.ParserConfig;
import io.vigil.parse.health.SilentSource;
import io.vigil.parse.health.SourceHealth;
import io.vigil.parse.health.SourceHealthConfig;
import io.vigil.alert.Alert;
import io.vigil.alert.AlertRepository;
import io.vigil.alert.DisabledRules;
import io.vigil.cases.AuditSink;
import io.vigil.cases.IncidentRepository;
import io.vigil.cases.Incidents;
import io.vigil.cases.action.ActionRepository;
import io.vigil.cases.action.Containment;
import io.vigil.cases.report.AttackCatalog;
import io.vigil.cases.report.IncidentReports;
import io.vigil.detect.Detector;
import io.vigil.detect.RuleCatalog;
import io.vigil.detect.correlate.CorrelationLimits;
import io.vigil.pipeline.DetectionStage;
import io.vigil.pipeline.JournalGateway;
import io.vigil.pipeline.Pipeline;
import io.vigil.search.SearchService;
import io.vigil.server.config.VigilConfig;
import io.vigil.store.LuceneEventStore;
import io.vigil.access.audit.AuditVerification;
import io.vigil.access.audit.AuditVerifier;
import io.vigil.access.audit.FileAuditLog;
import io.vigil.server.cli.OfflineData;
import io.vigil.web.FieldMasking;
import io.vigil.web.PostureRoutes;
import io.vigil.web.IncidentRoutes;
import io.vigil.web.RouteTable;
import io.vigil.web.Transport;
import io.vigil.web.WebLimits;
import io.vigil.web.WebSecurity;
import io.vigil.web.exposure.ListenersFile;
import io.vigil.web.posture.PostureFacts;
import io.vigil.web.tls.TlsFiles;
import io.vigil.web.tls.TlsIdentity;
import io.vigil.web.WebContext;
import io.vigil.web.WebServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens every stage in data-flow order (journal → parse → detect → store → search →
 * web) and closes them in reverse. Read top to bottom to see how Vigil is put together.
 *
 * <p>Data directory layout: {@code journal/} (raw batches), {@code store/} (one Lucene index per day),
 * {@code meta/} (H2: accounts, tokens, settings), {@code tls/} (generated certificates).
 */
public final class Vigil implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Vigil.class);

    private final Clock clock = Clock.systemUTC();
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("vigil-housekeeping").daemon().factory());
    private final VigilConfig config;
    private final MetaDatabase meta;
    private final Accounts accounts;
    private final FileAuditLog audit;
    private final FileJournal journal;
    private final LuceneEventStore store;
    private final Pipeline pipeline;
    private final AlertRepository alerts;
    private final DisabledRules disabledRules;
    private final RuleCatalog rules;
    private final DetectionStage detection;
    private final Detector detector;
    private final Incidents incidents;
    private final SourceHealth sourceHealth;
    private final Containment containment;
    private final IncidentReports reports;
    private final JournalGateway gateway;
    private final SearchService search;
    private WebServer web;
    private SyslogInputs syslog;
    private final SyslogMetrics syslogMetrics = new SyslogMetrics();
    private final Path data;
    private final List<ListenersFile.Listener> listeners = new java.util.ArrayList<>();

    private Vigil(VigilConfig config, Path data) throws IOException {
        this.config = config;
        this.data = data;
        OfflineData.createOwnerOnly(data);
        this.meta = MetaDatabase.open(data);
        this.accounts = new Accounts(meta, clock, config.auth().lockoutPolicy());
        this.audit = FileAuditLog.open(data, clock);
        this.journal = FileJournal.open(new FileJournal.Options(data.resolve("journal"),
                config.journal().segmentBytes(), config.journal().maxBytes()));
        journal.openProblems().forEach(p -> log.error("journal: {}", p));
        this.sourceHealth = new SourceHealth(sourceHealthConfig(config.sources()), clock, this::sourceWentSilent);
        DefaultEventParser defaultParser = DefaultEventParser.standard(ParserConfig.DEFAULT, clock);
        var parser = sourceHealth.observing(defaultParser);
        this.alerts = new AlertRepository(meta, clock);
        this.disabledRules = new DisabledRules(meta, clock);
        this.rules = new RuleCatalog(config.detection().ruleDirs().stream().map(Path::of).toList(),
                config.detection().builtinRules(), Map.of(),
                disabledRules.all());
        log.info("detection: {} rules loaded from {} file(s), {} problem(s)", rules.rules().size(), rules.files(),
                rules.problems().size());
        this.detector = new Detector(rules.engine(), CorrelationLimits.DEFAULT);
        IncidentRepository incidentRepository = new IncidentRepository(meta);
        AuditSink auditSink = (actor, action, target, details) -> audit.record(actor, action, target, details);
        this.incidents = new Incidents(incidentRepository, alerts, Response.policy(config.incidents()), auditSink, clock);
        this.containment = new Containment(Response.actions(config.actions()),
                new Containment.Stores(incidentRepository, new ActionRepository(meta), alerts), auditSink, clock);
        this.detection = new DetectionStage(detector, alerts, clock,
                fresh -> containment.onPlacements(incidents.onNewAlerts(fresh)), meta::checkpoint)
                .checkpointingTo(io.vigil.detect.correlate.CorrelationStateFile.in(data));
        this.store = LuceneEventStore.open(new LuceneEventStore.Options(data.resolve("store"),
                config.store().ramBufferMb(), 10_000, clock).withReparser(defaultParser::reparse));
        store.openProblems().forEach(p -> log.error("store: {}", p));
        this.pipeline = new Pipeline(journal, parser, this.detection, store,
                new Pipeline.Options(config.store().refreshIntervalMs(), config.store().commitIntervalMs()),
                store::discardUncommitted);
        this.gateway = new JournalGateway(journal);
        this.search = new SearchService(store, clock);
        String attackDir = config.reports().attackDataDir();
        this.reports = new IncidentReports(Response.organisation(config.reports()),
                attackDir == null ? AttackCatalog.EMPTY : AttackCatalog.load(Path.of(attackDir)), this::storedEvents, clock);
        registerMetrics();
    }

    /** Opens the data directory and starts the pipeline, without any listener (CLI use). */
    public static Vigil open(VigilConfig config, Path data) throws IOException {
        Vigil vigil = new Vigil(config, data);
        vigil.pipeline.start();
        vigil.scheduleRetention();
        return vigil;
    }

    /** Creates the admin account on first start; returns the generated password, if one was generated. */
    public Optional<String> bootstrapAdmin(String passwordFromEnvironment) {
        return accounts.bootstrapAdmin(passwordFromEnvironment);
    }

    /** Starts the HTTP API and console and prints the line that says where. */
    public Vigil listen(PrintStream out) {
        VigilConfig.Http http = config.http();
        VigilConfig.Auth auth = config.auth();
        WebLimits limits = WebLimits.defaults().withSessions(Duration.ofMinutes(auth.sessionIdleMinutes()),
                Duration.ofHours(auth.sessionMaxHours()));
        WebContext context = new WebContext(accounts, gateway, search, metrics, http.host(), http.port(), limits, clock);
        WebSecurity security = new WebSecurity(audit,
                new FieldMasking(config.privacy().maskedFields(), FieldMasking.loadOrCreateKey(data)), transport());
        RouteTable.Builder routes = RouteTable.builder();
        new DetectionRoutes(alerts, rules, disabledRules, audit, new RuleTrial(store), clock).register(routes);
        new EsAdminRoutes(pipeline, store).register(routes);
        new IncidentRoutes(incidents, containment, reports).register(routes);
        new ExportRoutes(search, audit).register(routes);
        routes.get("/api/sources", io.vigil.web.Access.role(io.vigil.access.Role.VIEWER),
                ctx -> ctx.contentType("application/json").result(sourceHealth.snapshotJson()));
        routes.addAll(PostureRoutes.table(this::postureFacts, clock));
        web = new WebServer(context, security, routes.build()).start();
        listeners.add(new ListenersFile.Listener("http", web.scheme(), http.host(), web.port()));
        ListenersFile.write(data, listeners);
        out.println("Vigil listening on " + web.scheme() + "://" + http.host() + ":" + web.port());
        out.flush();
        return this;
    }

    private Transport transport() {
        VigilConfig.Http http = config.http();
        if (!http.tlsWanted()) return new Transport.Plain(config.insecure().allowPlainHttp());
        TlsIdentity identity = http.tls().certFile() != null
                ? TlsFiles.load(Path.of(http.tls().certFile()), Path.of(http.tls().keyFile()))
                : TlsFiles.loadOrGenerate(data, List.of(http.host()), clock);
        return new Transport.Tls(identity);
    }

    /** Evidence for reports: the stored events an incident's alerts point to. */
    private List<io.vigil.event.Event> storedEvents(List<String> ids) {
        List<io.vigil.event.Event> out = new java.util.ArrayList<>();
        for (String id : ids) {
            try {
                store.get(id).ifPresent(out::add);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /** What the posture report looks at, read fresh for every request. */
    private PostureFacts postureFacts() {
        VigilConfig.Auth auth = config.auth();
        AuditVerification verification;
        try {
            verification = AuditVerifier.verify(FileAuditLog.fileIn(data));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new PostureFacts(
                new PostureFacts.Transport(config.http().host(), config.http().tlsWanted(), config.insecure().allowPlainHttp()),
                new PostureFacts.Auth(auth.lockoutPolicy(), Duration.ofMinutes(auth.sessionIdleMinutes()),
                        Duration.ofHours(auth.sessionMaxHours()), accounts.users()),
                config.store().retention().maxAgeDays(), RuleTactics.of(rules),
                new PostureFacts.Observed(List.of(), verification));
    }

    /** Starts the syslog listeners the configuration enables and prints each bound port. */
    public Vigil listenSyslog(PrintStream out) throws IOException {
        VigilConfig.Syslog s = config.syslog();
        if (!s.enabled()) return this;
        SyslogOptions options = new SyslogOptions(s.host(), new SyslogOptions.Ports(s.udpPort(), s.tcpPort(), s.tlsPort()),
                s.index(), SyslogOptions.Limits.defaults().withMaxMessageBytes(s.maxMessageBytes()),
                new SyslogOptions.TlsFiles(s.certFile() == null ? null : Path.of(s.certFile()),
                        s.keyFile() == null ? null : Path.of(s.keyFile()), data));
        syslog = SyslogInputs.start(options, gateway, syslogMetrics);
        if (syslog.udpPort() > 0) listeners.add(new ListenersFile.Listener("syslog-udp", "udp", s.host(), syslog.udpPort()));
        if (syslog.tcpPort() > 0) listeners.add(new ListenersFile.Listener("syslog-tcp", "tcp", s.host(), syslog.tcpPort()));
        if (syslog.tlsPort() > 0) listeners.add(new ListenersFile.Listener("syslog-tls", "tls", s.host(), syslog.tlsPort()));
        ListenersFile.write(data, listeners);
        if (syslog.udpPort() > 0) out.println("Syslog UDP listening on " + s.host() + ":" + syslog.udpPort());
        if (syslog.tcpPort() > 0) out.println("Syslog TCP listening on " + s.host() + ":" + syslog.tcpPort());
        if (syslog.tlsPort() > 0) {
            out.println("Syslog TLS listening on " + s.host() + ":" + syslog.tlsPort()
                    + syslog.tlsFingerprint().map(f -> " (certificate SHA-256 " + f + ")").orElse(""));
        }
        out.flush();
        return this;
    }

    /** Every HTTP route with the access it requires (after {@link #listen}). */
    public RouteTable routes() {
        return web.routes();
    }

    public int port() {
        return web == null ? -1 : web.port();
    }

    public JournalGateway gateway() {
        return gateway;
    }

    public SearchService search() {
        return search;
    }

    public Incidents incidents() {
        return incidents;
    }

    public Accounts accounts() {
        return accounts;
    }

    public FileAuditLog audit() {
        return audit;
    }

    public AlertRepository alerts() {
        return alerts;
    }

    /** Retro-hunts over this instance's stored events (used offline by {@code vigil hunt --data}). */
    public HistoryHunt history() {
        return new HistoryHunt(store);
    }

    public RuleCatalog rules() {
        return rules;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    private static SourceHealthConfig sourceHealthConfig(VigilConfig.Sources s) {
        Map<String, Duration> limits = new java.util.HashMap<>();
        s.maxSilenceMinutes().forEach((name, minutes) -> limits.put(name, Duration.ofMinutes(minutes)));
        return new SourceHealthConfig(Duration.ofMinutes(s.defaultMaxSilenceMinutes()), limits,
                SourceHealthConfig.DEFAULT.maxSources());
    }

    /** A silent log source is an alert of its own: the seed incident went unseen partly because logs stopped. */
    private void sourceWentSilent(SilentSource silent) {
        String ruleId = "vigil-silent-log-source";
        List<String> ids = List.of("source:" + silent.name() + "@" + silent.lastSeen());
        Alert alert = new Alert(Alert.idFor(ruleId, ids), ruleId, "Log source went silent: " + silent.name(), "medium",
                List.of("vigil.source_health"), ids, null, null, clock.instant(), clock.instant(), null,
                Map.of("source", silent.name(), "last_seen", silent.lastSeen().toString(),
                        "silent_for_minutes", silent.silentFor().toMinutes()));
        alerts.saveNew(List.of(alert));
        log.warn("log source {} silent since {} ({} min)", silent.name(), silent.lastSeen(), silent.silentFor().toMinutes());
    }

    private void scheduleRetention() {
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                sourceHealth.checkSilence();
            } catch (RuntimeException e) {
                log.error("source health check failed: {}", e.toString());
            }
        }, 1, 1, TimeUnit.MINUTES);
        VigilConfig.Retention r = config.store().retention();
        if (r.maxAgeDays() == 0 && r.maxBytes() == 0) return;
        housekeeping.scheduleWithFixedDelay(() -> {
            Duration age = r.maxAgeDays() == 0 ? Duration.ofDays(365_000) : Duration.ofDays(r.maxAgeDays());
            pipeline.execute(() -> {
                try {
                    int dropped = store.applyRetention(age, r.maxBytes() == 0 ? Long.MAX_VALUE : r.maxBytes());
                    if (dropped > 0) log.info("retention dropped {} day partition(s)", dropped);
                } catch (IOException e) {
                    log.error("retention failed: {}", e.toString());
                }
            });
        }, 1, 60, TimeUnit.MINUTES);
    }

    private void registerMetrics() {
        Gauge.builder("vigil_journal_bytes", journal, FileJournal::sizeBytes).description("journal bytes on disk").register(metrics);
        Gauge.builder("vigil_journal_fsyncs", journal, FileJournal::fsyncCount).register(metrics);
        Gauge.builder("vigil_journal_rejected_full", journal, j -> j.stats().rejectedFull()).register(metrics);
        Gauge.builder("vigil_pipeline_events", pipeline, Pipeline::eventsProcessed).description("events parsed and stored").register(metrics);
        Gauge.builder("vigil_pipeline_lag_bytes", pipeline, Pipeline::lagBytes).register(metrics);
        Gauge.builder("vigil_pipeline_bad_records", pipeline, Pipeline::badRecords).register(metrics);
        Gauge.builder("vigil_pipeline_restarts", pipeline, Pipeline::restarts)
                .description("restarts from the last commit after a store failure (e.g. disk full)").register(metrics);
        Gauge.builder("vigil_pipeline_failing", pipeline, p -> p.failure() == null ? 0 : 1)
                .description("1 while the pipeline is retrying after a failure").register(metrics);
        Gauge.builder("vigil_detection_events", detection, DetectionStage::eventsEvaluated).register(metrics);
        Gauge.builder("vigil_alerts_raised", detection, DetectionStage::alertsRaised).register(metrics);
        Gauge.builder("vigil_correlation_groups_evicted", detector, d -> d.correlationStats().evictedGroups())
                .description("correlation state dropped at the memory cap").register(metrics);
        Gauge.builder("vigil_syslog_received", syslogMetrics, SyslogMetrics::received).register(metrics);
        Gauge.builder("vigil_syslog_dropped", syslogMetrics, SyslogMetrics::dropped).description("UDP datagrams dropped (best effort)").register(metrics);
        Gauge.builder("vigil_syslog_truncated", syslogMetrics, SyslogMetrics::truncated).register(metrics);
        Gauge.builder("vigil_syslog_connections_active", syslogMetrics, SyslogMetrics::connectionsActive).register(metrics);
        Gauge.builder("vigil_store_skipped_as_committed", store, LuceneEventStore::skippedAsCommitted).register(metrics);
    }

    /**
     * Clean shutdown (SIGTERM): stop accepting, let in-flight requests finish, process everything journaled,
     * commit, close.
     */
    @Override
    public void close() throws Exception {
        if (web != null) web.close();
        if (syslog != null) syslog.close();
        gateway.close();
        housekeeping.shutdownNow();
        pipeline.close();
        containment.close();
        store.close();
        journal.close();
        meta.close();
        audit.close();
        metrics.close();
    }
}
