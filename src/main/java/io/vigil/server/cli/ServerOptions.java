package io.vigil.server.cli;

import io.vigil.server.config.VigilConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code serve} and {@code demo}. */
public final class ServerOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (journal, store, accounts). Created if missing.")
    Path data;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file; unknown keys are rejected.")
    Path config;

    @Option(names = "--http-port", paramLabel = "N", description = "HTTP port (0 picks a free port). Overrides http.port.")
    Integer httpPort;

    @Option(names = "--syslog-udp-port", paramLabel = "N", description = "Syslog over UDP on this port (0 = any free port).")
    Integer syslogUdpPort;

    @Option(names = "--syslog-tcp-port", paramLabel = "N", description = "Syslog over TCP (LF or octet-counted framing) on this port.")
    Integer syslogTcpPort;

    @Option(names = "--syslog-tls-port", paramLabel = "N", description = "Syslog over TLS on this port (certificate from config, else generated).")
    Integer syslogTlsPort;

    VigilConfig load() throws IOException {
        VigilConfig c = config == null ? VigilConfig.DEFAULTS : VigilConfig.load(config);
        c = c.withSyslogPorts(syslogUdpPort, syslogTcpPort, syslogTlsPort);
        return httpPort == null ? c : c.withHttpPort(httpPort);
    }
}
