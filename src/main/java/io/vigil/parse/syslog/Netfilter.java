package io.vigil.parse.syslog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ECS fields for iptables/nftables/UFW LOG lines written by the kernel:
 * {@code [12.34] [UFW BLOCK] IN=eth0 OUT= MAC=... SRC=1.2.3.4 DST=5.6.7.8 LEN=60 ... PROTO=TCP SPT=1 DPT=22 ...}.
 * The text before {@code IN=} is the rule's log prefix: it becomes {@code rule.name} and decides
 * {@code event.action} (block for BLOCK/DROP/REJECT/DENY, allow for ALLOW/ACCEPT, log otherwise). Every
 * pair is also kept under {@code iptables.*}.
 */
final class Netfilter {
    private Netfilter() {}

    /** A netfilter LOG line has at least the IN= and SRC= pairs. */
    static boolean handles(String message) {
        int in = message.indexOf("IN=");
        return in >= 0 && (in == 0 || message.charAt(in - 1) == ' ') && message.indexOf(" SRC=", in) > 0;
    }

    static void enrich(Map<String, Object> out, String message) {
        int in = message.indexOf("IN=");
        String prefix = prefix(message.substring(0, in));
        String action = action(prefix);
        out.put("event.dataset", "iptables.log");
        out.put("event.module", "iptables");
        out.put("event.kind", "event");
        out.put("event.category", new ArrayList<>(List.of("network")));
        out.put("event.type", new ArrayList<>(List.of("connection", "block".equals(action) ? "denied" : "allowed")));
        out.put("event.action", action);
        if (!prefix.isEmpty()) out.put("rule.name", prefix);
        String[] tokens = message.substring(in).split(" ");
        for (String token : tokens) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                if (!token.isEmpty() && isFlag(token)) addFlag(out, token);
                continue;
            }
            put(out, token.substring(0, eq), token.substring(eq + 1));
        }
    }

    private static void put(Map<String, Object> out, String key, String value) {
        if (value.isEmpty()) return;
        out.put("iptables." + key.toLowerCase(Locale.ROOT), value);
        switch (key) {
            case "IN" -> out.put("observer.ingress.interface.name", value);
            case "OUT" -> out.put("observer.egress.interface.name", value);
            case "SRC" -> out.put("source.ip", value);
            case "DST" -> out.put("destination.ip", value);
            case "SPT" -> putPort(out, "source.port", value);
            case "DPT" -> putPort(out, "destination.port", value);
            case "PROTO" -> out.put("network.transport", value.toLowerCase(Locale.ROOT));
            case "LEN" -> { if (SyslogDecoder.isDigits(value) && value.length() < 10) out.put("network.bytes", Long.parseLong(value)); }
            case "MAC" -> putMacs(out, value);
            default -> { }
        }
    }

    private static void putPort(Map<String, Object> out, String field, String value) {
        if (SyslogDecoder.isDigits(value) && value.length() <= 5) out.put(field, Long.parseLong(value));
    }

    /** MAC= is destination MAC, source MAC and EtherType, colon-separated: 14 bytes for Ethernet. */
    private static void putMacs(Map<String, Object> out, String value) {
        String[] bytes = value.split(":");
        if (bytes.length < 12) return;
        out.put("destination.mac", String.join("-", List.of(bytes).subList(0, 6)).toUpperCase(Locale.ROOT));
        out.put("source.mac", String.join("-", List.of(bytes).subList(6, 12)).toUpperCase(Locale.ROOT));
    }

    private static boolean isFlag(String token) {
        for (int i = 0; i < token.length(); i++) if (token.charAt(i) < 'A' || token.charAt(i) > 'Z') return false;
        return true;
    }

    @SuppressWarnings("unchecked")
    private static void addFlag(Map<String, Object> out, String flag) {
        Object flags = out.computeIfAbsent("iptables.flags", k -> new ArrayList<String>());
        if (flags instanceof List<?> list) ((List<Object>) list).add(flag);
    }

    /** The log prefix without a leading kernel uptime stamp like {@code [12345.678901]}. */
    private static String prefix(String text) {
        String t = text.strip();
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close > 0 && isUptime(t.substring(1, close))) t = t.substring(close + 1).strip();
        }
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
        if (t.endsWith(":")) t = t.substring(0, t.length() - 1);
        return t.strip();
    }

    private static boolean isUptime(String s) {
        String t = s.strip();
        if (t.isEmpty()) return false;
        for (int i = 0; i < t.length(); i++) if ((t.charAt(i) < '0' || t.charAt(i) > '9') && t.charAt(i) != '.') return false;
        return true;
    }

    private static String action(String prefix) {
        String p = prefix.toUpperCase(Locale.ROOT);
        if (p.contains("BLOCK") || p.contains("DROP") || p.contains("REJECT") || p.contains("DENY")) return "block";
        if (p.contains("ALLOW") || p.contains("ACCEPT") || p.contains("PASS")) return "allow";
        return "log";
    }
}
