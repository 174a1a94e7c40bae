package io.vigil.cases.action;

import java.time.Clock;

/** Picks the sender for an action's kind and runs it under the retry policy. */
final class ActionDispatch {
    private final ActionsConfig config;
    private final WebhookSender webhooks;
    private final MailSender mail;
    private final SyslogSender syslog;

    ActionDispatch(ActionsConfig config, Clock clock) {
        this.config = config;
        this.webhooks = new WebhookSender(config.allowlist());
        this.mail = config.smtp() == null ? null : new MailSender(config.smtp(), config.allowlist());
        this.syslog = new SyslogSender(config.allowlist(), clock, "vigil");
    }

    /** @throws Allowlist.DestinationRefused before any connection when the destination is not allowed */
    Retrier.Result run(ActionDefinition action, ActionContext ctx) {
        var values = ctx.values();
        return Retrier.run(config.retry(), d -> Thread.sleep(d), () -> switch (action) {
            case ActionDefinition.Webhook w -> webhooks.send(w, values);
            case ActionDefinition.Email e -> mail.send(e, values);
            case ActionDefinition.Syslog s -> syslog.send(s, ctx);
        });
    }
}
