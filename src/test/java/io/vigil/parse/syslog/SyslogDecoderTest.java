package io.vigil.parse.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.parse.DecodeResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SyslogDecoderTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    final SyslogDecoder decoder = new SyslogDecoder(CLOCK);

    Map<String, Object> decoded(String line) {
        DecodeResult r = decoder.decode(line.getBytes(StandardCharsets.UTF_8));
        assertThat(r).as("result for %s", line).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).fields();
    }

    static Stream<Arguments> specExamples() {
        return Stream.of(
                // RFC 5424 section 6.5, example 1 (with the BOM before the message)
                Arguments.of("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8",
                        Map.of("@timestamp", "2003-10-11T22:14:15.003Z", "host.name", "mymachine.example.com",
                                "process.name", "su", "log.syslog.msgid", "ID47", "log.syslog.facility.name", "auth",
                                "log.syslog.severity.name", "critical", "message", "'su root' failed for lonvick on /dev/pts/8")),
                // example 2: offset time, NILVALUE msgid
                Arguments.of("<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.",
                        Map.of("@timestamp", "2003-08-24T12:14:15.000Z", "host.name", "192.0.2.1", "process.pid", 8710L,
                                "log.syslog.facility.code", 20L, "log.syslog.severity.code", 5L,
                                "message", "%% It's time to make the do-nuts.")),
                // example 3: structured data and a message
                Arguments.of("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] \uFEFFAn application event log entry...",
                        Map.of("log.syslog.structured_data.exampleSDID@32473.iut", "3",
                                "log.syslog.structured_data.exampleSDID@32473.eventID", "1011",
                                "message", "An application event log entry...")),
                // example 4: two SD elements, no message, escaped characters
                Arguments.of("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\"][examplePriority@32473 class=\"high\" q=\"a\\\"b\\]c\"]",
                        Map.of("log.syslog.structured_data.examplePriority@32473.class", "high",
                                "log.syslog.structured_data.examplePriority@32473.q", "a\"b]c")),
                // all NILVALUEs
                Arguments.of("<14>1 - - - - - -", Map.of("log.syslog.version", "1", "log.syslog.severity.name", "informational")),
                // RFC 3164 section 5.4 examples
                Arguments.of("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
                        Map.of("@timestamp", "2025-10-11T22:14:15.000Z", "host.name", "mymachine", "process.name", "su",
                                "message", "'su root' failed for lonvick on /dev/pts/8")),
                Arguments.of("<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!",
                        Map.of("@timestamp", "2026-02-05T17:32:18.000Z", "host.name", "10.0.0.99", "message", "Use the BFG!")),
                // with a year, without a hostname, with a pid
                Arguments.of("<13>Feb 05 2024 17:32:18 sshd[42]: hello", Map.of("@timestamp", "2024-02-05T17:32:18.000Z",
                        "process.name", "sshd", "process.pid", 42L, "message", "hello")),
                // rsyslog RFC 3339 timestamps in BSD format
                Arguments.of("<86>2026-03-01T10:00:00.123456+01:00 web1 CRON[9]: job done",
                        Map.of("@timestamp", "2026-03-01T09:00:00.123Z", "host.name", "web1", "process.name", "CRON",
                                "process.pid", 9L, "message", "job done")),
                // a file line without PRI
                Arguments.of("Mar 27 13:06:56 ip-10-77-20-248 sshd[1291]: Server listening on 0.0.0.0 port 22.",
                        Map.of("@timestamp", "2025-03-27T13:06:56.000Z", "host.name", "ip-10-77-20-248",
                                "process.name", "sshd", "process.pid", 1291L)));
    }

    @ParameterizedTest
    @MethodSource("specExamples")
    void decodesTheSpecExamples(String line, Map<String, Object> expected) {
        assertThat(decoded(line)).containsAllEntriesOf(expected);
    }

    @Test
    void leavesLinesThatAreNotSyslogToOtherDecoders() {
        assertThat(decoder.decode("{\"a\":1}".getBytes())).isEqualTo(DecodeResult.notMine());
        assertThat(decoder.decode("hello".getBytes())).isEqualTo(DecodeResult.notMine());
        assertThat(decoder.decode("<Event xmlns='x'>".getBytes())).isEqualTo(DecodeResult.notMine());
    }

    @Test
    void failsClaimedLinesThatBreakTheFormat() {
        assertThat(decoder.decode("<34>1 yesterday host app - - -".getBytes()))
                .isEqualTo(new DecodeResult.Failed("is not RFC 5424 syslog: 'yesterday' is not an RFC 3339 timestamp"));
        assertThat(decoder.decode("<34>1 - host app - - [unclosed a=\"1\"".getBytes()))
                .isInstanceOf(DecodeResult.Failed.class);
        assertThat(decoder.decode("<34>Foo 11 22:14:15 host x".getBytes())).isInstanceOf(DecodeResult.Failed.class);
    }

    static Stream<Arguments> authLines() {
        String p = "Mar 27 13:06:56 host ";
        return Stream.of(
                Arguments.of(p + "sshd[1]: Accepted password for alice from 1.2.3.4 port 5555 ssh2",
                        Map.of("event.outcome", "success", "user.name", "alice", "source.ip", "1.2.3.4", "source.port", 5555L,
                                "event.category", List.of("authentication"))),
                Arguments.of(p + "sshd[1]: Failed password for invalid user admin from 5.6.7.8 port 22 ssh2",
                        Map.of("event.outcome", "failure", "user.name", "admin", "source.ip", "5.6.7.8")),
                Arguments.of(p + "sshd[1]: Failed password for root from 5.6.7.8 port 22 ssh2",
                        Map.of("event.outcome", "failure", "user.name", "root")),
                Arguments.of(p + "sshd[1]: Invalid user ubnt from 9.9.9.9", Map.of("event.action", "invalid_user", "user.name", "ubnt")),
                Arguments.of(p + "sshd[1]: Disconnected from 1.2.3.4 port 5555",
                        Map.of("event.type", List.of("end"), "source.ip", "1.2.3.4")),
                Arguments.of(p + "sudo:   ubuntu : TTY=pts/0 ; PWD=/home/ubuntu ; USER=root ; COMMAND=/usr/bin/apt update",
                        Map.of("user.name", "ubuntu", "user.effective.name", "root", "process.command_line", "/usr/bin/apt update")),
                Arguments.of(p + "su[3]: Successful su for root by ubuntu", Map.of("user.name", "ubuntu", "event.outcome", "success")),
                Arguments.of(p + "sshd[1]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=1.1.1.1  user=root",
                        Map.of("event.outcome", "failure", "source.ip", "1.1.1.1", "user.name", "root")),
                Arguments.of(p + "CRON[5]: pam_unix(cron:session): session opened for user root by (uid=0)",
                        Map.of("event.category", List.of("session"), "user.name", "root")),
                Arguments.of(p + "useradd[800]: new user: name=bob, UID=1001, GID=1001, home=/home/bob, shell=/bin/bash",
                        Map.of("event.category", List.of("iam"), "user.target.name", "bob", "user.target.id", 1001L)));
    }

    @ParameterizedTest
    @MethodSource("authLines")
    void addsEcsFieldsToLinuxAuthLines(String line, Map<String, Object> expected) {
        assertThat(decoded(line)).containsAllEntriesOf(expected);
    }
}
