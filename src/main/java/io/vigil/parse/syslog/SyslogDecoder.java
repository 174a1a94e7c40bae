package io.vigil.parse.syslog;

import io.vigil.event.EcsFields;
import io.vigil.parse.DecodeResult;
import io.vigil.parse.Decoder;
import io.vigil.parse.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes syslog lines: RFC 5424 (structured data, BOM, NILVALUE "-") and RFC 3164 in the forms seen in
 * practice (with or without PRI, year and hostname; ISO timestamps as rsyslog sends them), producing
 * {@code log.syslog.*}, {@code host.name}, {@code process.name}, {@code process.pid}, {@code message} and
 * {@code @timestamp}, then lets the program's enricher add ECS fields: {@link Postfix} (mail), {@link Netfilter}
 * (iptables/UFW kernel lines) or {@link LinuxAuth} (sshd, sudo, su, PAM, useradd).
 *
 * <p>A line is claimed when it starts with {@code <PRI>} or with a timestamp; a claimed line that breaks
 * the format is {@code Failed}. Thread-safe.
 */
public final class SyslogDecoder implements Decoder {
    public static final String NAME = "syslog";

    private final Timestamps timestamps;

    public SyslogDecoder(Clock clock) {
        this.timestamps = new Timestamps(clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DecodeResult decode(byte[] line) {
        if (line.length == 0 || !couldBeSyslog(line[0])) return DecodeResult.notMine();
        String text = stripLineEnd(new String(line, StandardCharsets.UTF_8));
        Cursor c = new Cursor(text);
        Map<String, Object> out = new LinkedHashMap<>(32); // an sshd line has ~20 fields: no rehash on the way
        if (c.peek() == '<') {
            int pri = c.priority();
            if (pri < 0) return DecodeResult.notMine();
            putPriority(pri, out);
            if (c.startsWith("1 ")) {
                c.skip(2);
                return enriched(Rfc5424.decode(c, out, timestamps), out);
            }
        } else if (!Rfc3164.startsWithTimestamp(c)) {
            return DecodeResult.notMine();
        }
        return enriched(Rfc3164.decode(c, out, timestamps), out);
    }

    /** Adds the fields of the program that wrote the message: Postfix, netfilter/UFW, or Linux auth. */
    private static DecodeResult enriched(DecodeResult result, Map<String, Object> out) {
        if (!(result instanceof DecodeResult.Decoded) || !(out.get(EcsFields.MESSAGE) instanceof String message)) {
            return result;
        }
        String program = out.get("process.name") instanceof String p ? p : "";
        if (Postfix.handles(program)) Postfix.enrich(out, message);
        else if (Netfilter.handles(message)) Netfilter.enrich(out, message);
        else LinuxAuth.enrich(out);
        return result;
    }

    /** Cheap first-byte check so JSON and XML lines are not decoded into a String here. */
    private static boolean couldBeSyslog(byte first) {
        return first == '<' || (first >= 'A' && first <= 'S') || (first >= '1' && first <= '2');
    }

    private static void putPriority(int pri, Map<String, Object> out) {
        int facility = pri >> 3;
        int severity = pri & 7;
        out.put("log.syslog.priority", (long) pri);
        out.put("log.syslog.facility.code", (long) facility);
        out.put("log.syslog.facility.name", Names.FACILITIES[facility]);
        out.put("log.syslog.severity.code", (long) severity);
        out.put("log.syslog.severity.name", Names.SEVERITIES[severity]);
    }

    static void putHostAndProcess(Map<String, Object> out, String host, String app, String pid) {
        if (host != null) {
            out.put("log.syslog.hostname", host);
            out.put(EcsFields.HOST_NAME, host);
        }
        if (app != null) {
            out.put("log.syslog.appname", app);
            // old PAM writes "sshd(pam_unix)[pid]": the process is sshd, the module a detail of the tag
            int paren = app.indexOf('(');
            out.put("process.name", paren > 0 && app.endsWith(")") ? app.substring(0, paren) : app);
        }
        if (pid != null) {
            out.put("log.syslog.procid", pid);
            if (isDigits(pid) && pid.length() < 10) out.put("process.pid", Long.parseLong(pid));
        }
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private static String stripLineEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\0')) end--;
        return s.substring(0, end);
    }

    /** RFC 5424 names, also used by RFC 3164. */
    static final class Names {
        static final String[] FACILITIES = {"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp",
            "cron", "authpriv", "ftp", "ntp", "security", "console", "solaris-cron", "local0", "local1", "local2",
            "local3", "local4", "local5", "local6", "local7"};
        static final String[] SEVERITIES = {"emergency", "alert", "critical", "error", "warning", "notice",
            "informational", "debug"};

        private Names() {}
    }
}
