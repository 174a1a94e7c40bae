package io.vigil.cases.action;

import io.vigil.cases.Severity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CEF event ({@code CEF:0|Vigil|Vigil|1.0|signature|name|severity|extension}) wrapped in an RFC 5424
 * syslog line. Escaping follows the CEF spec: in header fields {@code \} and {@code |} are escaped and line
 * breaks become spaces; in extension values {@code \}, {@code =} and line breaks ({@code \n}, {@code \r})
 * are escaped, so a hostile host or rule title cannot forge fields.
 */
final class CefMessage {
    private static final DateTimeFormatter RFC5424_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);
    /** Facility 13 ("log audit"). */
    private static final int FACILITY = 13;

    private CefMessage() {
    }

    /** The CEF text for an action's context. */
    static String cef(ActionContext ctx, Instant now) {
        Severity level = ctx.alert() == null ? ctx.incident().severity() : Severity.ofAlertLevel(ctx.alert().level());
        String signature = ctx.alert() == null ? "incident" : ctx.alert().ruleId();
        String name = ctx.alert() == null ? ctx.incident().title() : ctx.alert().ruleTitle();
        Map<String, String> ext = new LinkedHashMap<>();
        ext.put("rt", Long.toString(now.toEpochMilli()));
        if (ctx.host() != null && !ctx.host().isEmpty()) ext.put("dhost", ctx.host());
        Map<String, String> v = ctx.values();
        if (!v.get("user").isEmpty()) ext.put("duser", v.get("user"));
        ext.put("act", v.get("action.name"));
        ext.put("cs1Label", "incidentId");
        ext.put("cs1", ctx.incident().id());
        ext.put("cs2Label", "incidentStatus");
        ext.put("cs2", ctx.incident().status().wire());
        ext.put("msg", ctx.incident().title());
        StringBuilder out = new StringBuilder("CEF:0|Vigil|Vigil|1.0|").append(header(signature)).append('|')
                .append(header(name)).append('|').append(cefSeverity(level)).append('|');
        String sep = "";
        for (Map.Entry<String, String> e : ext.entrySet()) {
            out.append(sep).append(e.getKey()).append('=').append(extensionValue(e.getValue()));
            sep = " ";
        }
        return out.toString();
    }

    /** {@code <PRI>1 TIMESTAMP HOSTNAME vigil - incident - CEF:...} */
    static String syslogLine(String cef, Severity level, String localHost, Instant now) {
        int pri = FACILITY * 8 + syslogSeverity(level);
        return "<" + pri + ">1 " + RFC5424_TIME.format(now) + " " + localHost + " vigil - incident - " + cef;
    }

    static String header(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    static String extensionValue(String s) {
        return s.replace("\\", "\\\\").replace("=", "\\=").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** CEF severity 0–10. */
    static int cefSeverity(Severity s) {
        return switch (s) {
            case INFORMATIONAL -> 1;
            case LOW -> 3;
            case MEDIUM -> 5;
            case HIGH -> 8;
            case CRITICAL -> 10;
        };
    }

    /** Syslog severity: crit 2, err 3, warning 4, notice 5, info 6. */
    static int syslogSeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> 2;
            case HIGH -> 3;
            case MEDIUM -> 4;
            case LOW -> 5;
            case INFORMATIONAL -> 6;
        };
    }
}
