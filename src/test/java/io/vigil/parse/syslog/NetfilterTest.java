package io.vigil.parse.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.vigil.parse.DecodeResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetfilterTest {
    final SyslogDecoder decoder = new SyslogDecoder(SyslogDecoderTest.CLOCK);

    Map<String, Object> decoded(String line) {
        DecodeResult r = decoder.decode(line.getBytes(StandardCharsets.UTF_8));
        assertThat(r).as("result for %s", line).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).fields();
    }

    @Test
    void readsAUfwBlock() {
        Map<String, Object> f = decoded("Mar  1 10:00:00 fw kernel: [ 1234.567890] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:65:43:21:08:00 SRC=203.0.113.7 DST=10.0.0.5 LEN=60 TOS=0x00 PREC=0x00 TTL=50 ID=5 DF PROTO=TCP SPT=51515 DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0");
        assertThat(f).contains(entry("event.action", "block"), entry("rule.name", "UFW BLOCK"), entry("source.ip", "203.0.113.7"),
                entry("source.port", 51515L), entry("destination.ip", "10.0.0.5"), entry("destination.port", 22L),
                entry("network.transport", "tcp"), entry("observer.ingress.interface.name", "eth0"),
                entry("event.category", List.of("network")), entry("event.type", List.of("connection", "denied")),
                entry("source.mac", "52-54-00-65-43-21"), entry("destination.mac", "52-54-00-12-34-56"),
                entry("iptables.ttl", "50"), entry("iptables.flags", List.of("DF", "SYN")), entry("event.dataset", "iptables.log"));
        assertThat(f).doesNotContainKey("observer.egress.interface.name");
    }

    @Test
    void readsIptablesPrefixesAsActions() {
        assertThat(decoded("Mar  1 10:00:00 fw kernel: IPTables-Dropped: IN=eth1 OUT= SRC=1.2.3.4 DST=5.6.7.8 PROTO=UDP SPT=53 DPT=5353"))
                .contains(entry("event.action", "block"), entry("rule.name", "IPTables-Dropped"), entry("network.transport", "udp"));
        assertThat(decoded("Mar  1 10:00:00 fw kernel: [UFW ALLOW] IN=eth0 OUT=eth1 SRC=1.2.3.4 DST=5.6.7.8 PROTO=ICMP TYPE=8 CODE=0"))
                .contains(entry("event.action", "allow"), entry("observer.egress.interface.name", "eth1"),
                        entry("event.type", List.of("connection", "allowed")));
    }

    @Test
    void leavesOtherKernelLinesAlone() {
        assertThat(decoded("Mar  1 10:00:00 fw kernel: eth0: link up")).doesNotContainKeys("event.action", "source.ip");
    }
}
