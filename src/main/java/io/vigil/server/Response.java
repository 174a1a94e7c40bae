package io.vigil.server;

import io.vigil.cases.IncidentPolicy;
import io.vigil.cases.Severity;
import io.vigil.cases.action.ActionDefinition;
import io.vigil.cases.action.ActionsConfig;
import io.vigil.cases.action.Allowlist;
import io.vigil.cases.action.RetryPolicy;
import io.vigil.cases.action.RuleTrigger;
import io.vigil.cases.action.Smtp;
import io.vigil.cases.action.Template;
import io.vigil.cases.report.Organisation;
import io.vigil.server.config.ConfigException;
import io.vigil.server.config.ResponseConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns the YAML shape of incident response into the cases stage's validated records, failing with every problem. */
final class Response {
    private Response() {}

    static IncidentPolicy policy(ResponseConfig.Incidents c) {
        try {
            return IncidentPolicy.of(c.windowMinutes(), c.byHost(), c.byUser(), c.minLevelToOpen());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of("`incidents`: " + e.getMessage()));
        }
    }

    static Organisation organisation(ResponseConfig.Reports r) {
        return new Organisation(r.organisation(), r.contactName(), r.contactEmail(), r.contactPhone());
    }

    static ActionsConfig actions(ResponseConfig.Actions a) {
        List<String> problems = new ArrayList<>();
        List<ActionDefinition> defs = new ArrayList<>();
        for (ResponseConfig.Webhook w : a.webhooks()) {
            add(problems, defs, () -> new ActionDefinition.Webhook(w.name(), URI.create(w.url()), new Template(w.bodyTemplate()),
                    w.secret(), w.timeoutMs() == 0 ? 10_000 : w.timeoutMs(), w.requiresApproval()));
        }
        for (ResponseConfig.Email e : a.emails()) {
            add(problems, defs, () -> new ActionDefinition.Email(e.name(), e.to(), new Template(e.subjectTemplate()),
                    new Template(e.bodyTemplate()), e.requiresApproval()));
        }
        for (ResponseConfig.Syslog s : a.syslog()) {
            add(problems, defs, () -> new ActionDefinition.Syslog(s.name(), s.host(), s.port(),
                    ActionDefinition.Syslog.Transport.parse(s.transport() == null ? "tcp" : s.transport()), s.requiresApproval()));
        }
        List<RuleTrigger> triggers = new ArrayList<>();
        for (ResponseConfig.Trigger t : a.triggers()) {
            try {
                triggers.add(new RuleTrigger(t.ruleIds(), t.minLevel() == null ? null : Severity.parse(t.minLevel()), t.actions()));
            } catch (RuntimeException e) {
                problems.add("`actions.triggers`: " + e.getMessage());
            }
        }
        Smtp smtp = null;
        if (a.smtp() != null) {
            ResponseConfig.Smtp s = a.smtp();
            try {
                smtp = new Smtp(s.host(), s.port(), s.username(), s.password(), s.from(),
                        s.caFile() == null ? null : Path.of(s.caFile()), s.timeoutMs() == 0 ? 10_000 : s.timeoutMs());
            } catch (RuntimeException e) {
                problems.add("`actions.smtp`: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        try {
            return new ActionsConfig(new Allowlist(a.allowlist().hosts(), a.allowlist().urlPrefixes()),
                    new RetryPolicy(a.retry().attempts(), a.retry().initialBackoffMs()), smtp, defs, triggers);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of("`actions`: " + e.getMessage()));
        }
    }

    private static void add(List<String> problems, List<ActionDefinition> defs, java.util.function.Supplier<ActionDefinition> make) {
        try {
            defs.add(make.get());
        } catch (RuntimeException e) {
            problems.add("`actions`: " + e.getMessage());
        }
    }
}
