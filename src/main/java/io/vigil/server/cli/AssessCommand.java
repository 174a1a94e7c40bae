package io.vigil.server.cli;

import io.vigil.access.audit.AuditVerifier;
import io.vigil.access.audit.FileAuditLog;
import io.vigil.server.config.VigilConfig;
import io.vigil.web.exposure.ExposureCheck;
import io.vigil.web.exposure.Finding;
import io.vigil.web.exposure.ListenersFile;
import io.vigil.web.exposure.Targets;
import io.vigil.web.posture.PostureAssessment;
import io.vigil.web.posture.PostureCheck;
import io.vigil.web.posture.PostureFacts;
import io.vigil.web.posture.PostureReport;
import io.vigil.web.posture.RuleInfo;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil assess --data DIR [--config FILE] [--format json|html] [--target T...]}: the posture report,
 * offline. Exposure is checked on the given targets and on the server's own listeners when
 * {@code <data>/run/listeners.json} exists. Exit 0 when nothing fails, 2 when a check fails.
 */
@Command(name = "assess", mixinStandardHelpOptions = true, description = "Security posture report: what to fix first.")
public final class AssessCommand implements Callable<Integer> {
    enum Format { json, html }

    /** Rules are not known offline until the detection stage offers a catalog; the lead can set one here. */
    static volatile RuleInfo.Catalog rules = RuleInfo.Catalog.NONE;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR")
    Path data;

    @Option(names = "--config", paramLabel = "FILE")
    Path config;

    @Option(names = "--format", defaultValue = "json")
    Format format;

    @Option(names = "--target", description = "extra exposure-check targets (URL, host:port)")
    List<String> targets = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        VigilConfig cfg = config == null ? VigilConfig.DEFAULTS : VigilConfig.load(config);
        PostureFacts facts;
        try (OfflineData d = OfflineData.open(data)) {
            facts = new PostureFacts(
                    new PostureFacts.Transport(cfg.http().host(), cfg.http().tlsWanted(), cfg.insecure().allowPlainHttp()),
                    new PostureFacts.Auth(cfg.auth().lockoutPolicy(), Duration.ofMinutes(cfg.auth().sessionIdleMinutes()),
                            Duration.ofHours(cfg.auth().sessionMaxHours()), d.accounts.users()),
                    cfg.store().retention().maxAgeDays(), rulesOf(cfg),
                    new PostureFacts.Observed(exposure(), AuditVerifier.verify(FileAuditLog.fileIn(data))));
        }
        Instant now = Instant.now();
        List<PostureCheck> checks = PostureAssessment.assess(facts, now);
        spec.commandLine().getOut().print(format == Format.html ? PostureReport.html(checks, now)
                : PostureReport.json(checks, now).toPrettyString() + "\n");
        spec.commandLine().getOut().flush();
        return checks.stream().anyMatch(c -> c.status() == PostureCheck.Status.FAIL) ? 2 : 0;
    }

    /** The rules the server would load with this configuration, as the coverage check sees them. */
    private static List<io.vigil.web.posture.RuleInfo> rulesOf(VigilConfig cfg) {
        if (rules != RuleInfo.Catalog.NONE) return rules.rules();
        io.vigil.detect.RuleCatalog catalog = new io.vigil.detect.RuleCatalog(
                cfg.detection().ruleDirs().stream().map(Path::of).toList(), java.util.Map.of(), java.util.Set.of());
        return catalog.rules().stream().map(r -> new io.vigil.web.posture.RuleInfo(r.rule().id(), r.rule().title(),
                r.rule().tags().stream().filter(t -> t.startsWith("attack.") && !t.matches("attack\\.[tgs]\\d+.*"))
                        .map(t -> t.substring(7).replace('-', '_')).toList())).toList();
    }

    private List<Finding> exposure() {
        List<List<URI>> endpoints = new ArrayList<>(Targets.expand(targets, Targets.DEFAULT_PORTS, false));
        if (Files.exists(data.resolve(ListenersFile.RELATIVE_PATH))) {
            ListenersFile.read(data).stream().filter(ListenersFile.Listener::isHttp)
                    .forEach(l -> endpoints.add(List.of(l.probeUrl())));
        }
        return endpoints.isEmpty() ? List.of() : new ExposureCheck(Duration.ofSeconds(3)).run(endpoints);
    }
}
