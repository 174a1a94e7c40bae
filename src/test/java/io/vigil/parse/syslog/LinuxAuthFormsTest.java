package io.vigil.parse.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.vigil.parse.DecodeResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sshd and PAM forms beyond auth.log's: OpenSSH's preauth lines, old PAM tags, macOS tags. */
class LinuxAuthFormsTest {
    final SyslogDecoder decoder = new SyslogDecoder(SyslogDecoderTest.CLOCK);

    Map<String, Object> decoded(String line) {
        DecodeResult r = decoder.decode(line.getBytes(StandardCharsets.UTF_8));
        assertThat(r).as("result for %s", line).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).fields();
    }

    @Test
    void readsPreauthAndPortlessDisconnects() {
        assertThat(decoded("Dec 10 06:55:48 LabSZ sshd[24200]: Connection closed by 173.234.31.186 [preauth]"))
                .contains(entry("event.action", "ssh_connection_closed"), entry("source.ip", "173.234.31.186"));
        assertThat(decoded("Dec 10 11:00:54 LabSZ sshd[25281]: Received disconnect from 183.62.140.253: 11: Bye Bye [preauth]"))
                .contains(entry("event.action", "ssh_disconnect"), entry("source.ip", "183.62.140.253"));
        assertThat(decoded("Dec 10 06:55:46 LabSZ sshd[24200]: input_userauth_request: invalid user webmaster [preauth]"))
                .contains(entry("event.outcome", "failure"), entry("user.name", "webmaster"));
        assertThat(decoded("Dec 10 09:32:20 LabSZ sshd[24680]: PAM 5 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=112.95.230.3  user=root"))
                .contains(entry("event.outcome", "failure"), entry("source.ip", "112.95.230.3"), entry("user.name", "root"));
        assertThat(decoded("Dec 10 09:12:32 LabSZ sshd[24490]: Accepted publickey for fztu from 119.137.62.142 port 49116 ssh2"))
                .contains(entry("event.outcome", "success"), entry("auth.method", "publickey"), entry("source.port", 49116L));
    }

    @Test
    void readsTheOldPamTagAndKeepsHostNamesOutOfSourceIp() {
        Map<String, Object> f = decoded("Jun 15 02:04:59 combo sshd(pam_unix)[20885]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=220-135-151-1.hinet-ip.hinet.net  user=root");
        assertThat(f).contains(entry("process.name", "sshd"), entry("log.syslog.appname", "sshd(pam_unix)"), entry("process.pid", 20885L),
                entry("event.outcome", "failure"), entry("source.domain", "220-135-151-1.hinet-ip.hinet.net"), entry("user.name", "root"),
                entry("event.category", List.of("authentication")));
        assertThat(f).doesNotContainKey("source.ip");
        assertThat(decoded("Jun 15 04:06:20 combo su(pam_unix)[21416]: session opened for user cyrus by (uid=0)"))
                .contains(entry("event.action", "session_opened"), entry("user.name", "cyrus"), entry("process.name", "su"));
    }

    @Test
    void readsMacTagsWithSpacesOrAContext() {
        assertThat(decoded("Jul  1 09:29:02 mac sandboxd[129] ([31211]): deny network-outbound /x"))
                .contains(entry("process.name", "sandboxd"), entry("process.pid", 129L), entry("log.syslog.tag_context", "[31211]"),
                        entry("message", "deny network-outbound /x"));
        assertThat(decoded("Jul  2 10:00:00 mac Microsoft Word[14463]: Cocoa scripting error"))
                .contains(entry("process.name", "Microsoft Word"), entry("process.pid", 14463L), entry("message", "Cocoa scripting error"));
        assertThat(decoded("Jul  2 10:00:00 mac some words here: not a tag")).doesNotContainKey("process.name");
    }
}
