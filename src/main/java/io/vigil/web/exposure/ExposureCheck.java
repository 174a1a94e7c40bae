package io.vigil.web.exposure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Finds log platforms that answer strangers: Elasticsearch/OpenSearch, Kibana, OpenSearch Dashboards,
 * Graylog and Vigil, and reports for each whether data can be read without credentials.
 *
 * <pre>{@code
 * List<Finding> findings = new ExposureCheck(Duration.ofSeconds(3)).run(Targets.expand(List.of("10.0.0.5:9200"), Targets.DEFAULT_PORTS, false));
 * }</pre>
 * Endpoints are probed concurrently (at most {@link #PARALLEL}); each endpoint's alternatives (https, then
 * http) are tried in order and the first that answers is used. Findings come back worst first.
 */
public final class ExposureCheck {
    public static final int PARALLEL = 16;

    private final HttpProbe http;
    private final ServiceProbes probes;

    public ExposureCheck(Duration timeout) {
        this.http = new HttpProbe(timeout);
        this.probes = new ServiceProbes(http);
    }

    public List<Finding> run(List<List<URI>> endpoints) {
        List<Finding> findings = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
            List<Future<Optional<Finding>>> pending = new ArrayList<>();
            for (List<URI> alternatives : endpoints) {
                pending.add(pool.submit(() -> probe(alternatives)));
            }
            for (Future<Optional<Finding>> future : pending) {
                try {
                    future.get().ifPresent(findings::add);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("exposure probe failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::url));
        return findings;
    }

    private Optional<Finding> probe(List<URI> alternatives) {
        for (URI base : alternatives) {
            Optional<HttpProbe.Answer> root = http.get(base, "/");
            if (root.isPresent()) {
                return probes.identify(base, root.get());
            }
        }
        return Optional.empty();
    }
}
