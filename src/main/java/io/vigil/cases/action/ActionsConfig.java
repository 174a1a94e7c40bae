package io.vigil.cases.action;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code actions:} section: named actions, where they may send, how to retry, and which alerts run
 * which actions automatically. Validation lists every problem at once.
 *
 * <pre>
 * actions:
 *   allowlist: { hosts: [edr.corp.example], url_prefixes: ["https://fw.corp.example/api/"] }
 *   retry: { attempts: 3, initial_backoff_ms: 1000 }
 *   smtp: { host: mail.corp.example, port: 587, username: vigil, password: ..., from: vigil@corp.example }
 *   webhooks: [ { name: isolate-host, url: "https://edr.corp.example/isolate", secret: ..., requires_approval: true,
 *                 body_template: '{"host":"{{host}}","incident":"{{incident.id}}"}' } ]
 *   emails:   [ { name: notify-soc, to: [soc@corp.example], subject_template: "[{{incident.severity}}] {{incident.title}}",
 *                 body_template: "..." } ]
 *   syslog:   [ { name: siem-forward, host: collector.corp.example, port: 6514, transport: tcp } ]
 *   triggers: [ { rule_ids: [...], min_level: critical, actions: [isolate-host, notify-soc] } ]
 * </pre>
 */
public record ActionsConfig(Allowlist allowlist, RetryPolicy retry, Smtp smtp, List<ActionDefinition> actions,
                            List<RuleTrigger> triggers) {
    public static final ActionsConfig NONE = new ActionsConfig(Allowlist.NONE, RetryPolicy.DEFAULTS, null, List.of(), List.of());

    public ActionsConfig {
        allowlist = allowlist == null ? Allowlist.NONE : allowlist;
        retry = retry == null ? RetryPolicy.DEFAULTS : retry;
        actions = actions == null ? List.of() : List.copyOf(actions);
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        List<String> problems = problems(allowlist, smtp, actions, triggers);
        if (!problems.isEmpty()) throw new IllegalArgumentException("invalid actions configuration: " + String.join("; ", problems));
    }

    public Optional<ActionDefinition> action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public Map<String, ActionDefinition> byName() {
        return actions.stream().collect(Collectors.toMap(ActionDefinition::name, Function.identity()));
    }

    private static List<String> problems(Allowlist allow, Smtp smtp, List<ActionDefinition> actions, List<RuleTrigger> triggers) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ActionDefinition a : actions) {
            if (!names.add(a.name())) problems.add("action name " + a.name() + " is used twice");
            switch (a) {
                case ActionDefinition.Webhook w -> {
                    if (!allow.allowsUrl(w.url())) problems.add("webhook " + w.name() + ": " + w.url()
                            + " is not on actions.allowlist (hosts or url_prefixes; http/https only, no user info)");
                    w.bodyTemplate().unknownNames().forEach(n -> problems.add("webhook " + w.name()
                            + ": unknown placeholder {{" + n + "}}; known: " + Template.NAMES));
                }
                case ActionDefinition.Email e -> {
                    if (smtp == null) problems.add("email " + e.name() + ": needs actions.smtp");
                    e.subjectTemplate().unknownNames().forEach(n -> problems.add("email " + e.name() + ": unknown placeholder {{" + n + "}}"));
                    e.bodyTemplate().unknownNames().forEach(n -> problems.add("email " + e.name() + ": unknown placeholder {{" + n + "}}"));
                }
                case ActionDefinition.Syslog s -> {
                    if (!allow.allowsHost(s.host())) problems.add("syslog " + s.name() + ": host " + s.host()
                            + " is not on actions.allowlist.hosts");
                }
            }
        }
        if (smtp != null && !allow.allowsHost(smtp.host())) {
            problems.add("actions.smtp.host " + smtp.host() + " is not on actions.allowlist.hosts");
        }
        for (RuleTrigger t : triggers) {
            t.actions().stream().filter(n -> !names.contains(n))
                    .forEach(n -> problems.add("trigger names unknown action " + n + "; configured: " + names));
        }
        return problems;
    }
}
