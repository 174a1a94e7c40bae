package io.vigil.cases.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cases.CaseTestSupport;
import io.vigil.cases.Incident;
import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CefForwardingTest {
    @TempDir
    Path dir;

    @Test
    void forwardsAnOctetCountedRfc5424LineWithEscapedCef() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             CaseTestSupport cases = new CaseTestSupport(dir)) {
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> readOneFrame(listener));
            Incident incident = cases.incidentOn("db|01=x\\y", "rule|pipe");
            var syslog = new ActionDefinition.Syslog("siem-forward", "127.0.0.1", listener.getLocalPort(),
                    ActionDefinition.Syslog.Transport.TCP, false);
            var config = new ActionsConfig(new Allowlist(List.of("127.0.0.1"), List.of()), new RetryPolicy(2, 10), null,
                    List.of(syslog), List.of());
            try (Containment c = cases.containment(config)) {
                ActionRecord done = c.completion(c.request(incident.id(), "siem-forward", null, "ann").id()).get(10, TimeUnit.SECONDS);
                assertThat(done.state()).isEqualTo(ActionRecord.State.SUCCEEDED);
            }
            String line = received.get(10, TimeUnit.SECONDS);
            assertThat(line).matches("<107>1 \\d{4}-\\d\\d-\\d\\dT\\S+Z vigil vigil - incident - CEF:0\\|Vigil\\|Vigil\\|1\\.0\\|.*");
            assertThat(line).contains("|incident|Rule rule\\|pipe on db\\|01=x\\\\y|8|");
            assertThat(line).contains(" dhost=db|01\\=x\\\\y ");
            assertThat(line).contains("cs1=" + incident.id());
        }
    }

    @Test
    void escapesLineBreaksSoAValueCannotStartANewField() {
        assertThat(CefMessage.extensionValue("a\nb=c\\d\r")).isEqualTo("a\\nb\\=c\\\\d\\r");
        assertThat(CefMessage.header("a|b\nc\\")).isEqualTo("a\\|b c\\\\");
    }

    private static String readOneFrame(ServerSocket listener) {
        try (Socket s = listener.accept()) {
            s.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            StringBuilder length = new StringBuilder();
            for (int b = in.read(); b != ' '; b = in.read()) length.append((char) b);
            byte[] frame = new byte[Integer.parseInt(length.toString())];
            in.readFully(frame);
            return new String(frame, StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
