package io.vigil.cases.action;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One configured action, named so rules and analysts can ask for it. {@code requiresApproval} queues the
 * action as pending until an analyst other than the requester approves it (for disruptive containment
 * such as isolating a host).
 */
public sealed interface ActionDefinition {
    String name();

    boolean requiresApproval();

    /** The kind as used in config and the audit log: {@code webhook}, {@code email}, {@code syslog}. */
    default String kind() {
        return switch (this) {
            case Webhook w -> "webhook";
            case Email e -> "email";
            case Syslog s -> "syslog";
        };
    }

    /**
     * POST a JSON body rendered from {@code bodyTemplate}, signed with HMAC-SHA256 of the body under
     * {@code secret} in {@code X-Vigil-Signature: sha256=<hex>}.
     */
    record Webhook(String name, URI url, Template bodyTemplate, String secret, long timeoutMs, boolean requiresApproval)
            implements ActionDefinition {
        public Webhook {
            requireName(name);
            Objects.requireNonNull(url, "webhook " + name + ": url");
            Objects.requireNonNull(bodyTemplate, "webhook " + name + ": body_template");
            if (secret == null || secret.length() < 16) {
                throw new IllegalArgumentException("actions webhook " + name + ": secret must be at least 16 characters");
            }
            if (timeoutMs < 100 || timeoutMs > 60_000) {
                throw new IllegalArgumentException("actions webhook " + name + ": timeout_ms must be 100..60000");
            }
        }

        @Override
        public String toString() {
            return "Webhook[" + name + " " + url + "]";   // never print the secret
        }
    }

    /** Mail through the configured SMTP server (STARTTLS required). */
    record Email(String name, List<String> to, Template subjectTemplate, Template bodyTemplate, boolean requiresApproval)
            implements ActionDefinition {
        public Email {
            requireName(name);
            to = List.copyOf(to);
            if (to.isEmpty()) throw new IllegalArgumentException("actions email " + name + ": to needs at least one address");
            Objects.requireNonNull(subjectTemplate, "subject_template");
            Objects.requireNonNull(bodyTemplate, "body_template");
        }
    }

    /** Forward a CEF message in RFC 5424 syslog over TCP (octet-counted) or UDP. */
    record Syslog(String name, String host, int port, Transport transport, boolean requiresApproval)
            implements ActionDefinition {
        public enum Transport {
            TCP, UDP;

            public static Transport parse(String text) {
                return valueOf(text.toUpperCase(Locale.ROOT));
            }
        }

        public Syslog {
            requireName(name);
            Objects.requireNonNull(host, "actions syslog " + name + ": host");
            Objects.requireNonNull(transport, "actions syslog " + name + ": transport");
            if (port < 1 || port > 65535) throw new IllegalArgumentException("actions syslog " + name + ": port must be 1..65535");
        }
    }

    private static void requireName(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("action name '" + name + "' must be 1-64 of a-z, 0-9, _ and - (e.g. isolate-host)");
        }
    }
}
