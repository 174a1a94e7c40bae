package io.vigil.server.config;

import java.util.List;

/**
 * The YAML shape of incident response: grouping, reports and actions. Converted to the cases stage's own
 * validated records by {@code io.vigil.server.Response}.
 *
 * <pre>
 * incidents: { window_minutes: 30, by_host: true, by_user: true, min_level_to_open: low }
 * reports:   { organisation: "Postal Services Corp", contact_name: SOC, contact_email: soc@post.example,
 *              contact_phone: "+00 000", attack_data_dir: /opt/attack }     (ATT&CK names for STIX)
 * actions:
 *   allowlist: { hosts: [edr.post.example], url_prefixes: ["https://fw.post.example/api/"] }
 *   retry: { attempts: 3, initial_backoff_ms: 1000 }
 *   smtp: { host: mail.post.example, port: 587, username: vigil, password: "${env:SMTP_PASSWORD}", from: vigil@post.example }
 *   webhooks: [ { name: isolate-host, url: "https://edr.post.example/isolate", secret: "${file:/run/secrets/edr}",
 *                 body_template: '{"host":"{{host}}"}', requires_approval: true } ]
 *   emails:   [ { name: notify-soc, to: [soc@post.example], subject_template: "[{{incident.severity}}] {{incident.title}}",
 *                 body_template: "{{alert.rule_title}} on {{host}}" } ]
 *   syslog:   [ { name: forward, host: collector.post.example, port: 6514, transport: tcp } ]
 *   triggers: [ { min_level: critical, actions: [notify-soc] } ]
 * </pre>
 */
public final class ResponseConfig {
    private ResponseConfig() {}

    public record Incidents(long windowMinutes, boolean byHost, boolean byUser, String minLevelToOpen) {
        static final Incidents DEFAULTS = new Incidents(30, true, true, "low");

        public Incidents {
            if (windowMinutes < 1 || windowMinutes > 7 * 24 * 60) throw new IllegalArgumentException("window_minutes must be 1..10080");
        }
    }

    public record Reports(String organisation, String contactName, String contactEmail, String contactPhone,
                          String attackDataDir) {
        static final Reports DEFAULTS = new Reports("(organisation not configured: set reports.organisation)", "", "", "", null);
    }

    public record Actions(Allowlist allowlist, Retry retry, Smtp smtp, List<Webhook> webhooks, List<Email> emails,
                          List<Syslog> syslog, List<Trigger> triggers) {
        static final Actions DEFAULTS = new Actions(Allowlist.DEFAULTS, Retry.DEFAULTS, null, List.of(), List.of(), List.of(), List.of());
    }

    public record Allowlist(List<String> hosts, List<String> urlPrefixes) {
        static final Allowlist DEFAULTS = new Allowlist(List.of(), List.of());
    }

    public record Retry(int attempts, long initialBackoffMs) {
        static final Retry DEFAULTS = new Retry(3, 1000);
    }

    public record Smtp(String host, int port, String username, String password, String from, String caFile, long timeoutMs) {}

    public record Webhook(String name, String url, String bodyTemplate, String secret, long timeoutMs, boolean requiresApproval) {}

    public record Email(String name, List<String> to, String subjectTemplate, String bodyTemplate, boolean requiresApproval) {}

    public record Syslog(String name, String host, int port, String transport, boolean requiresApproval) {}

    public record Trigger(List<String> ruleIds, String minLevel, List<String> actions) {}
}
