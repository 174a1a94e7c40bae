package io.vigil.cases.action;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The mail server for e-mail actions. STARTTLS is always required (no plaintext fallback) and the server's
 * certificate is checked against the JVM's trust store, or only against {@code caFile} (PEM) when given.
 *
 * @param username AUTH user; null for a relay without authentication
 */
public record Smtp(String host, int port, String username, String password, String from, Path caFile, long timeoutMs) {
    public Smtp {
        Objects.requireNonNull(host, "actions.smtp.host");
        Objects.requireNonNull(from, "actions.smtp.from");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("actions.smtp.port must be 1..65535, got " + port);
        if (username != null && password == null) throw new IllegalArgumentException("actions.smtp.password is required with username");
        if (timeoutMs < 100 || timeoutMs > 120_000) throw new IllegalArgumentException("actions.smtp.timeout_ms must be 100..120000");
    }

    @Override
    public String toString() {
        return "Smtp[" + host + ":" + port + " as " + username + "]";
    }
}
