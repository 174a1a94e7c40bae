package io.vigil.server.cli;

import io.vigil.web.exposure.ExposureCheck;
import io.vigil.web.exposure.ExposureReport;
import io.vigil.web.exposure.Finding;
import io.vigil.web.exposure.ListenersFile;
import io.vigil.web.exposure.Severity;
import io.vigil.web.exposure.Targets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil exposure-check TARGET... [--ports 9200,5601] [--format table|json|html]} or {@code --self --data DIR}.
 * Exit code: 0 when nothing is readable or reachable without credentials, 2 when a high or critical finding
 * exists, 1 on a usage error.
 */
@Command(name = "exposure-check", mixinStandardHelpOptions = true,
        description = "Find Elasticsearch/OpenSearch/Kibana/Dashboards/Graylog/Vigil services readable without credentials.")
public final class ExposureCheckCommand implements Callable<Integer> {
    enum Format { table, json, html }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGET", arity = "0..*", description = "URL, host:port, host, or IPv4 CIDR range")
    List<String> targets = new ArrayList<>();

    @Option(names = "--ports", split = ",", description = "ports for hosts and ranges (default 9200,5601,9000,80,443)")
    List<Integer> ports = new ArrayList<>(Targets.DEFAULT_PORTS);

    @Option(names = "--format", defaultValue = "table", description = "table, json or html")
    Format format;

    @Option(names = "--self", description = "check this Vigil's own listeners (from <data>/run/listeners.json)")
    boolean self;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (with --self)")
    Path data;

    @Option(names = "--timeout-ms", defaultValue = "3000")
    long timeoutMs;

    @Option(names = "--i-am-authorized", description = "confirm you are responsible for the non-loopback ranges scanned")
    boolean authorized;

    @Override
    public Integer call() {
        List<List<URI>> endpoints = new ArrayList<>(Targets.expand(targets, ports, authorized));
        if (self) {
            if (data == null) {
                throw new IllegalArgumentException("--self needs --data DIR");
            }
            ListenersFile.read(data).stream().filter(ListenersFile.Listener::isHttp)
                    .forEach(l -> endpoints.add(List.of(l.probeUrl())));
        }
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("nothing to check: give targets (URL, host:port, CIDR) or --self --data DIR");
        }
        List<Finding> findings = new ExposureCheck(Duration.ofMillis(timeoutMs)).run(endpoints);
        String rendered = switch (format) {
            case table -> ExposureReport.table(findings);
            case json -> ExposureReport.json(findings).toPrettyString() + "\n";
            case html -> ExposureReport.html(findings);
        };
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
        return findings.stream().anyMatch(f -> f.severity() != Severity.INFO) ? 2 : 0;
    }
}
