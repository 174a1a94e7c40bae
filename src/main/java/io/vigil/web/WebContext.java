package io.vigil.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.access.Accounts;
import io.vigil.ingest.IngestGateway;
import io.vigil.search.SearchService;
import java.time.Clock;
import java.util.Objects;

/**
 * What the web server needs from the rest of Vigil. {@code port} 0 picks a free port; {@code host}
 * defaults to 127.0.0.1 in {@link #local}, so exposing Vigil on a network is a deliberate choice.
 */
public record WebContext(Accounts accounts, IngestGateway gateway, SearchService search,
                         PrometheusMeterRegistry metrics, String host, int port, WebLimits limits, Clock clock) {
    public WebContext {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
    }

    public WebContext(Accounts accounts, IngestGateway gateway, SearchService search,
                      PrometheusMeterRegistry metrics, String host, int port) {
        this(accounts, gateway, search, metrics, host, port, WebLimits.defaults(), Clock.systemUTC());
    }

    /** Bound to 127.0.0.1 with default limits. */
    public static WebContext local(Accounts accounts, IngestGateway gateway, SearchService search,
                                   PrometheusMeterRegistry metrics, int port) {
        return new WebContext(accounts, gateway, search, metrics, "127.0.0.1", port);
    }
}
