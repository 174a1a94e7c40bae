package io.vigil.parse.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.vigil.parse.DecodeResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostfixTest {
    final SyslogDecoder decoder = new SyslogDecoder(SyslogDecoderTest.CLOCK);

    Map<String, Object> decoded(String message) {
        String line = "Mar  1 10:00:00 mx1 " + message;
        DecodeResult r = decoder.decode(line.getBytes(StandardCharsets.UTF_8));
        assertThat(r).as("result for %s", line).isInstanceOf(DecodeResult.Decoded.class);
        Map<String, Object> f = ((DecodeResult.Decoded) r).fields();
        assertThat(f).contains(entry("event.dataset", "postfix.log"), entry("host.name", "mx1"));
        return f;
    }

    @Test
    void readsConnectsAndDisconnects() {
        assertThat(decoded("postfix/smtpd[123]: connect from mail.example.com[192.0.2.10]")).contains(
                entry("source.domain", "mail.example.com"), entry("source.ip", "192.0.2.10"), entry("event.action", "connect"),
                entry("event.type", List.of("connection", "start")), entry("process.pid", 123L), entry("process.name", "postfix/smtpd"));
        Map<String, Object> d = decoded("postfix/smtpd[123]: disconnect from unknown[192.0.2.11] ehlo=1 auth=0/1 quit=1 commands=2/3");
        assertThat(d).contains(entry("source.ip", "192.0.2.11"), entry("event.action", "disconnect"));
        assertThat(d).doesNotContainKey("source.domain");
    }

    @Test
    void readsANoqueueRejectWithCodeDsnAndReason() {
        Map<String, Object> f = decoded("postfix/smtpd[4]: NOQUEUE: reject: RCPT from unknown[203.0.113.5]: 554 5.7.1 <x@victim.test>: Relay access denied; from=<spam@evil.test> to=<x@victim.test> proto=ESMTP helo=<evil>");
        assertThat(f).contains(entry("event.outcome", "failure"), entry("event.action", "reject"), entry("source.ip", "203.0.113.5"),
                entry("postfix.reject.code", 554L), entry("postfix.dsn", "5.7.1"), entry("postfix.reject.stage", "RCPT"),
                entry("postfix.reject.reason", "<x@victim.test>: Relay access denied"), entry("email.from.address", "spam@evil.test"),
                entry("email.to.address", "x@victim.test"), entry("postfix.helo", "evil"), entry("event.category", List.of("email")));
    }

    @Test
    void readsSaslFailuresAndLogins() {
        assertThat(decoded("postfix/smtpd[9]: warning: unknown[198.51.100.3]: SASL LOGIN authentication failed: UGFzc3dvcmQ6"))
                .contains(entry("event.category", List.of("authentication")), entry("event.outcome", "failure"),
                        entry("source.ip", "198.51.100.3"), entry("postfix.sasl.method", "LOGIN"));
        assertThat(decoded("postfix/submission/smtpd[9]: 4BqXyZ1abcz: client=laptop[10.1.1.1], sasl_method=PLAIN, sasl_username=alice"))
                .contains(entry("event.outcome", "success"), entry("user.name", "alice"), entry("email.local_id", "4BqXyZ1abcz"),
                        entry("source.ip", "10.1.1.1"), entry("event.category", List.of("authentication")));
    }

    @Test
    void readsTheQueueLinesOfOneMessage() {
        assertThat(decoded("postfix/cleanup[5]: 3F2A81C0D2: message-id=<20240301.abc@example.com>"))
                .contains(entry("email.message_id", "20240301.abc@example.com"), entry("email.local_id", "3F2A81C0D2"));
        assertThat(decoded("postfix/qmgr[6]: 3F2A81C0D2: from=<bob@example.com>, size=2345, nrcpt=2 (queue active)"))
                .contains(entry("email.from.address", "bob@example.com"), entry("postfix.size", 2345L), entry("postfix.nrcpt", 2L),
                        entry("postfix.queue_id", "3F2A81C0D2"));
        Map<String, Object> sent = decoded("postfix/smtp[7]: 3F2A81C0D2: to=<carol@example.org>, relay=mx.example.org[198.51.100.25]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 12345)");
        assertThat(sent).contains(entry("email.to.address", "carol@example.org"), entry("postfix.relay", "mx.example.org[198.51.100.25]:25"),
                entry("destination.domain", "mx.example.org"), entry("destination.ip", "198.51.100.25"), entry("destination.port", 25L),
                entry("postfix.delay", 1.2), entry("postfix.dsn", "2.0.0"), entry("postfix.status", "sent"),
                entry("postfix.status_detail", "250 2.0.0 Ok: queued as 12345"), entry("event.outcome", "success"));
        assertThat(decoded("postfix/lmtp[8]: 3F2A81C0D2: to=<d@example.org>, relay=none, delay=30, dsn=4.4.1, status=deferred (connect refused)"))
                .contains(entry("event.outcome", "unknown"), entry("postfix.status", "deferred"), entry("postfix.delay", 30.0));
        assertThat(decoded("postfix/smtp[8]: 3F2A81C0D2: to=<e@example.org>, relay=x[1.2.3.4]:25, dsn=5.1.1, status=bounced (user unknown)"))
                .contains(entry("event.outcome", "failure"));
        assertThat(decoded("postfix/qmgr[6]: 3F2A81C0D2: removed")).contains(entry("event.action", "removed"));
    }

    @Test
    void keepsOtherPostfixLinesAsPlainPostfixEvents() {
        Map<String, Object> f = decoded("postfix/master[1]: daemon started -- version 3.6.4, configuration /etc/postfix");
        assertThat(f).contains(entry("message", "daemon started -- version 3.6.4, configuration /etc/postfix"));
        assertThat(f).doesNotContainKeys("event.outcome", "email.local_id");
    }
}
