package io.vigil.cases.action;

import io.vigil.cases.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Forwards one CEF message as RFC 5424 syslog: over TCP with octet counting (RFC 6587 {@code LEN SP MSG}),
 * a fresh connection per message because actions are rare; over UDP as one datagram (best effort, so a UDP
 * send "succeeds" once the datagram left).
 */
final class SyslogSender {
    private static final int TIMEOUT_MS = 5000;
    private final Allowlist allowlist;
    private final Clock clock;
    private final String localHost;

    SyslogSender(Allowlist allowlist, Clock clock, String localHost) {
        this.allowlist = allowlist;
        this.clock = clock;
        this.localHost = localHost;
    }

    Attempt send(ActionDefinition.Syslog target, ActionContext ctx) {
        allowlist.requireHost(target.host(), "syslog");
        var now = clock.instant();
        Severity level = ctx.alert() == null ? ctx.incident().severity() : Severity.ofAlertLevel(ctx.alert().level());
        byte[] line = CefMessage.syslogLine(CefMessage.cef(ctx, now), level, localHost, now).getBytes(StandardCharsets.UTF_8);
        String where = target.transport() + " " + target.host() + ":" + target.port();
        try {
            switch (target.transport()) {
                case TCP -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(target.host(), target.port()), TIMEOUT_MS);
                        socket.setSoTimeout(TIMEOUT_MS);
                        OutputStream out = socket.getOutputStream();
                        out.write((line.length + " ").getBytes(StandardCharsets.US_ASCII));
                        out.write(line);
                        out.flush();
                    }
                }
                case UDP -> {
                    try (DatagramSocket socket = new DatagramSocket()) {
                        socket.send(new DatagramPacket(line, line.length, new InetSocketAddress(target.host(), target.port())));
                    }
                }
            }
            return new Attempt.Success("sent " + line.length + " bytes over " + where);
        } catch (IOException e) {
            return new Attempt.Retryable("syslog " + where + " failed: " + e);
        }
    }
}
