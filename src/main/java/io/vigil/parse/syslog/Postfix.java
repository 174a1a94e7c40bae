package io.vigil.parse.syslog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ECS fields for Postfix lines ({@code postfix/smtpd}, {@code qmgr}, {@code smtp}, {@code lmtp},
 * {@code cleanup}...): client connects and disconnects, NOQUEUE rejects with code, DSN and reason, SASL
 * failures and logins, and the queue-id lines ({@code from=}, {@code to=}, {@code relay=},
 * {@code status=}, {@code message-id=}). ECS {@code email.*} where it has a field, {@code postfix.*}
 * otherwise; {@code email.local_id} is the queue id, which ties the lines of one message together.
 */
final class Postfix {
    private static final Pattern CLIENT = Pattern.compile("([^\\s\\[]+)\\[([^\\]]*)\\](?::(\\d+))?");
    private static final Pattern QUEUE_LINE = Pattern.compile("^([0-9A-Za-z]{5,20}): (.*)$");
    private static final Pattern REJECT = Pattern.compile(
            "^(?:NOQUEUE|[0-9A-Za-z]{5,20}): (reject|discard|hold|filter|redirect|reject_warning): (\\S+) from "
                    + "([^\\s\\[]+)\\[([^\\]]*)\\](?::\\d+)?: (?:(\\d{3}) )?(?:(\\d\\.\\d{1,3}\\.\\d{1,3}) )?(.*?)(?:; (from=.*))?$");
    private static final Pattern SASL_FAILED = Pattern.compile(
            "^warning: ([^\\s\\[]+)\\[([^\\]]*)\\]: SASL (\\S+) authentication failed(?:: (.*))?$");

    private Postfix() {}

    static boolean handles(String program) {
        return program.startsWith("postfix");
    }

    static void enrich(Map<String, Object> out, String message) {
        out.put("event.dataset", "postfix.log");
        out.put("event.module", "postfix");
        out.put("event.kind", "event");
        Matcher m;
        if ((m = REJECT.matcher(message)).matches()) reject(out, m);
        else if ((m = SASL_FAILED.matcher(message)).matches()) saslFailed(out, m);
        else if (message.startsWith("connect from ")) connection(out, message.substring(13), "connect", "start");
        else if (message.startsWith("disconnect from ")) connection(out, message.substring(16), "disconnect", "end");
        else if (message.startsWith("lost connection after ")) lostConnection(out, message);
        else if ((m = QUEUE_LINE.matcher(message)).matches()) queueLine(out, m.group(1), m.group(2));
        else categorize(out, "email", "info", null, null);
    }

    private static void reject(Map<String, Object> out, Matcher m) {
        categorize(out, "email", "denied", "failure", m.group(1));
        putClient(out, "source", m.group(3), m.group(4), null);
        out.put("postfix.reject.stage", m.group(2));
        if (m.group(5) != null) out.put("postfix.reject.code", Long.parseLong(m.group(5)));
        if (m.group(6) != null) out.put("postfix.dsn", m.group(6));
        out.put("postfix.reject.reason", m.group(7));
        if (m.group(8) != null) {
            Map<String, String> pairs = pairs(m.group(8), ' ');
            putAddress(out, "email.from.address", pairs.get("from"));
            putAddress(out, "email.to.address", pairs.get("to"));
            if (pairs.containsKey("proto")) out.put("postfix.proto", pairs.get("proto"));
            if (pairs.containsKey("helo")) out.put("postfix.helo", strip(pairs.get("helo")));
        }
    }

    private static void saslFailed(Map<String, Object> out, Matcher m) {
        categorize(out, "authentication", "start", "failure", "sasl-authentication-failed");
        putClient(out, "source", m.group(1), m.group(2), null);
        out.put("postfix.sasl.method", m.group(3));
        if (m.group(4) != null) out.put("postfix.sasl.reason", m.group(4));
    }

    private static void connection(Map<String, Object> out, String rest, String action, String type) {
        categorize(out, "email", null, null, action);
        out.put("event.category", new ArrayList<>(List.of("email", "network")));
        out.put("event.type", new ArrayList<>(List.of("connection", type)));
        Matcher c = CLIENT.matcher(rest);
        if (c.lookingAt()) putClient(out, "source", c.group(1), c.group(2), null);
    }

    private static void lostConnection(Map<String, Object> out, String message) {
        connection(out, "", "lost-connection", "end");
        int from = message.indexOf(" from ");
        if (from > 0) {
            out.put("postfix.lost_after", message.substring(22, from));
            Matcher c = CLIENT.matcher(message.substring(from + 6));
            if (c.lookingAt()) putClient(out, "source", c.group(1), c.group(2), null);
        }
    }

    private static void queueLine(Map<String, Object> out, String queueId, String rest) {
        out.put("email.local_id", queueId);
        out.put("postfix.queue_id", queueId);
        if (rest.equals("removed")) {
            categorize(out, "email", "deletion", null, "removed");
            return;
        }
        Map<String, String> pairs = pairs(rest, ',');
        if (pairs.isEmpty()) {
            categorize(out, "email", "info", null, null);
            return;
        }
        PostfixQueueFields.put(out, pairs);
    }

    static void categorize(Map<String, Object> out, String category, String type, String outcome, String action) {
        out.put("event.category", new ArrayList<>(List.of(category)));
        if (type != null) out.put("event.type", new ArrayList<>(List.of(type)));
        if (outcome != null) out.put("event.outcome", outcome);
        if (action != null) out.put("event.action", action);
    }

    /** {@code name[ip]} into {@code <side>.domain} (unless "unknown") and {@code <side>.ip}. */
    static void putClient(Map<String, Object> out, String side, String name, String ip, String port) {
        if (!"unknown".equals(name) && !name.isEmpty()) out.put(side + ".domain", name);
        if (ip != null && !ip.isEmpty() && !"unknown".equals(ip)) out.put(side + ".ip", ip.startsWith("IPv6:") ? ip.substring(5) : ip);
        if (port != null && port.length() <= 5) out.put(side + ".port", Long.parseLong(port));
    }

    static void putAddress(Map<String, Object> out, String field, String value) {
        if (value == null) return;
        String address = strip(value);
        if (!address.isEmpty()) out.put(field, address);
    }

    /** Removes the angle brackets Postfix puts around addresses and ids. */
    static String strip(String v) {
        return v.length() >= 2 && v.charAt(0) == '<' && v.charAt(v.length() - 1) == '>' ? v.substring(1, v.length() - 1) : v;
    }

    /**
     * {@code key=value} pairs separated by {@code separator} (and spaces); a value in angle brackets may
     * contain anything, and a trailing {@code (text)} after a value is kept under {@code key + ".detail"}.
     */
    static Map<String, String> pairs(String text, char separator) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == separator)) i++;
            int eq = text.indexOf('=', i);
            if (eq <= i) break;
            String key = text.substring(i, eq);
            if (key.indexOf(' ') >= 0) break;
            int end = valueEnd(text, eq + 1, separator);
            out.put(key, text.substring(eq + 1, end));
            i = end;
            if (i + 1 < n && text.charAt(i) == ' ' && text.charAt(i + 1) == '(') {
                int close = text.lastIndexOf(')');
                out.put(key + ".detail", text.substring(i + 2, close > i ? close : n));
                break;
            }
        }
        return out;
    }

    private static int valueEnd(String text, int from, char separator) {
        if (from < text.length() && text.charAt(from) == '<') {
            int close = text.indexOf('>', from);
            return close < 0 ? text.length() : close + 1;
        }
        int i = from;
        while (i < text.length() && text.charAt(i) != separator && text.charAt(i) != ' ') i++;
        return i;
    }
}
