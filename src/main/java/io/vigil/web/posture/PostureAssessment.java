package io.vigil.web.posture;

import io.vigil.access.Role;
import io.vigil.access.User;
import io.vigil.web.exposure.Finding;
import io.vigil.web.exposure.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Judges {@link PostureFacts}: transport, authentication settings, dormant accounts, retention against the
 * seed incident's 87-day exposure, ATT&CK tactic coverage of the rules, exposure findings and the audit
 * chain. Checks come back worst first, so the top of the list is what to fix first. Stateless.
 */
public final class PostureAssessment {
    /** How long the seed incident's log exposure lasted before anyone noticed. */
    public static final int SEED_EXPOSURE_DAYS = 87;
    static final Duration DORMANT = Duration.ofDays(90);
    static final List<String> TACTICS = List.of("reconnaissance", "resource-development", "initial-access", "execution",
            "persistence", "privilege-escalation", "defense-evasion", "credential-access", "discovery",
            "lateral-movement", "collection", "command-and-control", "exfiltration", "impact");

    private PostureAssessment() {
    }

    public static List<PostureCheck> assess(PostureFacts facts, Instant now) {
        List<PostureCheck> checks = new ArrayList<>();
        checks.add(transport(facts.transport()));
        checks.add(lockout(facts.auth()));
        checks.add(sessions(facts.auth()));
        checks.add(dormantAccounts(facts.auth().users(), now));
        checks.add(retention(facts.retentionMaxAgeDays()));
        checks.add(coverage(facts.rules()));
        checks.addAll(exposure(facts.observed().exposure()));
        if (facts.observed().audit() != null) {
            checks.add(facts.observed().audit().intact()
                    ? new PostureCheck("audit log", PostureCheck.Status.PASS, facts.observed().audit().describe(), "")
                    : new PostureCheck("audit log", PostureCheck.Status.FAIL, facts.observed().audit().describe(),
                    "treat as an incident: find who could write the data directory; restore the log from backup"));
        }
        checks.sort(Comparator.comparing(PostureCheck::status));
        return checks;
    }

    private static PostureCheck transport(PostureFacts.Transport t) {
        boolean loopback = t.host().equals("localhost") || t.host().startsWith("127.") || t.host().equals("::1");
        if (t.tls()) {
            return new PostureCheck("transport", PostureCheck.Status.PASS, "HTTPS on " + t.host(), "");
        }
        if (loopback) {
            return new PostureCheck("transport", PostureCheck.Status.PASS, "plain HTTP on loopback " + t.host() + " only", "");
        }
        return new PostureCheck("transport", PostureCheck.Status.FAIL, "plain HTTP on " + t.host()
                + " (insecure.allow_plain_http): passwords and logs cross the network in clear",
                "configure http.tls or put a TLS proxy in front and bind to 127.0.0.1");
    }

    private static PostureCheck lockout(PostureFacts.Auth a) {
        boolean ok = a.lockout().userFailures() <= 10 && a.lockout().lockFor().toMinutes() >= 5;
        return new PostureCheck("login throttling", ok ? PostureCheck.Status.PASS : PostureCheck.Status.WARN,
                a.lockout().userFailures() + " failures per user / " + a.lockout().addressFailures() + " per address in "
                        + a.lockout().window().toMinutes() + " min lock for " + a.lockout().lockFor().toMinutes() + " min",
                ok ? "" : "use auth.lockout_failures <= 10 and auth.lockout_minutes >= 5");
    }

    private static PostureCheck sessions(PostureFacts.Auth a) {
        boolean ok = a.sessionIdle().toMinutes() <= 60 && a.sessionMax().toHours() <= 24;
        return new PostureCheck("sessions", ok ? PostureCheck.Status.PASS : PostureCheck.Status.WARN,
                "idle " + a.sessionIdle().toMinutes() + " min, absolute " + a.sessionMax().toHours() + " h",
                ok ? "" : "use auth.session_idle_minutes <= 60 and auth.session_max_hours <= 24");
    }

    private static PostureCheck dormantAccounts(List<User> users, Instant now) {
        List<String> dormant = users.stream().filter(u -> !u.disabled())
                .filter(u -> (u.lastLoginAt() == null ? u.createdAt() : u.lastLoginAt()).plus(DORMANT).isBefore(now))
                .map(u -> u.name() + " (" + u.role().lowerName() + ", last login "
                        + (u.lastLoginAt() == null ? "never" : u.lastLoginAt().toString()) + ")").toList();
        long admins = users.stream().filter(u -> !u.disabled() && u.role() == Role.ADMIN).count();
        if (dormant.isEmpty()) {
            return new PostureCheck("accounts", PostureCheck.Status.PASS, users.size() + " account(s), " + admins
                    + " enabled admin(s), none unused for 90 days", "");
        }
        return new PostureCheck("accounts", PostureCheck.Status.WARN, dormant.size() + " enabled account(s) unused for 90+"
                + " days: " + String.join(", ", dormant), "disable them: vigil user disable NAME (or POST /api/users/NAME/disable)");
    }

    private static PostureCheck retention(long days) {
        if (days == 0 || days >= 2L * SEED_EXPOSURE_DAYS) {
            return new PostureCheck("retention", PostureCheck.Status.PASS, days == 0 ? "events are kept indefinitely"
                    : "events are kept " + days + " days, enough to investigate an exposure like the seed incident's 87 days", "");
        }
        PostureCheck.Status status = days < SEED_EXPOSURE_DAYS ? PostureCheck.Status.FAIL : PostureCheck.Status.WARN;
        return new PostureCheck("retention", status, "events are kept " + days + " days; the seed incident's exposure lasted "
                + SEED_EXPOSURE_DAYS + " days before discovery, and its start must still be searchable",
                "set store.retention.max_age_days to at least " + 2 * SEED_EXPOSURE_DAYS);
    }

    private static PostureCheck coverage(List<RuleInfo> rules) {
        Map<String, Long> byTactic = new TreeMap<>(rules.stream().flatMap(r -> r.tactics().stream())
                .collect(Collectors.groupingBy(t -> t, Collectors.counting())));
        List<String> missing = TACTICS.stream().filter(t -> !byTactic.containsKey(t)).toList();
        String counts = TACTICS.stream().filter(byTactic::containsKey).map(t -> t + " " + byTactic.get(t))
                .collect(Collectors.joining(", "));
        if (rules.isEmpty()) {
            return new PostureCheck("detection coverage", PostureCheck.Status.FAIL, "no detection rules are loaded",
                    "add Sigma rules (detection.rule_dirs)");
        }
        return new PostureCheck("detection coverage", missing.isEmpty() ? PostureCheck.Status.PASS : PostureCheck.Status.WARN,
                rules.size() + " rule(s); by tactic: " + counts + (missing.isEmpty() ? "" : "; no rule for: " + String.join(", ", missing)),
                missing.isEmpty() ? "" : "add rules for the uncovered tactics, starting with credential-access and exfiltration");
    }

    private static List<PostureCheck> exposure(List<Finding> findings) {
        List<PostureCheck> checks = new ArrayList<>();
        for (Finding f : findings) {
            PostureCheck.Status status = f.severity() == Severity.CRITICAL ? PostureCheck.Status.FAIL
                    : f.severity() == Severity.HIGH ? PostureCheck.Status.WARN : PostureCheck.Status.PASS;
            checks.add(new PostureCheck("exposure " + f.url(), status, f.product() + ": " + f.summary(),
                    status == PostureCheck.Status.PASS ? "" : "require authentication (and TLS) or firewall the port"));
        }
        return checks;
    }
}
