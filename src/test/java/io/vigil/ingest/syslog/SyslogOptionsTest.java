package io.vigil.ingest.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyslogOptionsTest {
    @Test
    void defaultsToLoopbackSixtyFourKibibytesAndTheSyslogIndex() {
        SyslogOptions options = new SyslogOptions(null, null, null, null, null);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.index()).isEqualTo("syslog");
        assertThat(options.limits().maxMessageBytes()).isEqualTo(65536);
        assertThat(options.limits().batchMaxLines()).isEqualTo(1000);
        assertThat(options.limits().batchLinger()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void listsEveryProblemAtOnce() {
        SyslogOptions.Limits limits = new SyslogOptions.Limits(10, 0, Duration.ofMillis(-1), Duration.ZERO, Duration.ofSeconds(1));
        assertThatThrownBy(() -> new SyslogOptions("127.0.0.1", new SyslogOptions.Ports(70000, 6514, 6514), null, limits,
                new SyslogOptions.TlsFiles(Path.of("cert.pem"), null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("udp_port: 70000 is not a port")
                .hasMessageContaining("tcp_port and tls_port are both 6514")
                .hasMessageContaining("max_message_bytes: 10 is out of range")
                .hasMessageContaining("batch_max_lines: 0")
                .hasMessageContaining("batch_linger_ms: -1 ms")
                .hasMessageContaining("give both files or neither");
    }

    @Test
    void refusesTlsWithoutACertificateOrADataDirectory() {
        assertThatThrownBy(() -> SyslogOptions.defaults().withPorts(null, null, 6514))
                .hasMessageContaining("tls_port is set but there is no certificate");
    }

    @Test
    void acceptsTlsWithOnlyADataDirectory() {
        // TLS files first: every wither validates the whole options
        SyslogOptions options = SyslogOptions.defaults()
                .withTls(new SyslogOptions.TlsFiles(null, null, Path.of("/tmp/vigil-data"))).withPorts(null, null, 0);
        assertThat(options.ports().tls()).isZero();
    }

    @Test
    void namesTheTruncatedSourceSoTheParserCanTagIt() {
        assertThat(SyslogSource.TCP.batchSource(true)).isEqualTo("syslog-tcp;truncated");
        assertThat(SyslogSource.ofBatchSource("syslog-tcp;truncated"))
                .contains(new SyslogSource.Origin(SyslogSource.TCP, true));
        assertThat(SyslogSource.ofBatchSource("syslog-udp")).contains(new SyslogSource.Origin(SyslogSource.UDP, false));
        assertThat(SyslogSource.ofBatchSource("bulk")).isEmpty();
    }
}
