package io.vigil.parse.syslog;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code key=value} lines Postfix writes per queued message, mapped to ECS and {@code postfix.*}. */
final class PostfixQueueFields {
    private static final Pattern RELAY = Pattern.compile("^([^\\s\\[]+)\\[([^\\]]*)\\](?::(\\d+))?$");

    private PostfixQueueFields() {}

    static void put(Map<String, Object> out, Map<String, String> pairs) {
        String status = pairs.get("status");
        String action = status != null ? "delivery" : pairs.containsKey("message-id") ? "message-id"
                : pairs.containsKey("client") ? "client" : pairs.containsKey("from") ? "queued" : null;
        Postfix.categorize(out, "email", "info", outcome(status), action);
        Postfix.putAddress(out, "email.from.address", pairs.get("from"));
        Postfix.putAddress(out, "email.to.address", pairs.get("to"));
        Postfix.putAddress(out, "postfix.orig_to", pairs.get("orig_to"));
        String messageId = pairs.get("message-id");
        if (messageId != null && !Postfix.strip(messageId).isEmpty()) out.put("email.message_id", Postfix.strip(messageId));
        putLong(out, "postfix.size", pairs.get("size"));
        putLong(out, "postfix.nrcpt", pairs.get("nrcpt"));
        if (pairs.containsKey("client")) client(out, pairs);
        if (pairs.containsKey("relay")) relay(out, pairs.get("relay"));
        putDouble(out, "postfix.delay", pairs.get("delay"));
        if (pairs.containsKey("delays")) out.put("postfix.delays", pairs.get("delays"));
        if (pairs.containsKey("dsn")) out.put("postfix.dsn", pairs.get("dsn"));
        if (status != null) out.put("postfix.status", status);
        if (pairs.containsKey("status.detail")) out.put("postfix.status_detail", pairs.get("status.detail"));
    }

    private static String outcome(String status) {
        if (status == null) return null;
        return switch (status) {
            case "sent", "delivered" -> "success";
            case "bounced", "expired", "undeliverable" -> "failure";
            default -> "unknown";
        };
    }

    /** {@code client=name[ip]} and, for an authenticated submission, {@code sasl_username}: a login. */
    private static void client(Map<String, Object> out, Map<String, String> pairs) {
        Matcher m = RELAY.matcher(pairs.get("client"));
        if (m.matches()) Postfix.putClient(out, "source", m.group(1), m.group(2), m.group(3));
        String user = pairs.get("sasl_username");
        if (user != null && !user.isEmpty()) {
            Postfix.categorize(out, "authentication", "start", "success", "sasl-login");
            out.put("user.name", user);
            if (pairs.containsKey("sasl_method")) out.put("postfix.sasl.method", pairs.get("sasl_method"));
        }
    }

    private static void relay(Map<String, Object> out, String relay) {
        out.put("postfix.relay", relay);
        Matcher m = RELAY.matcher(relay);
        if (m.matches()) Postfix.putClient(out, "destination", m.group(1), m.group(2), m.group(3));
    }

    private static void putLong(Map<String, Object> out, String field, String value) {
        if (value != null && SyslogDecoder.isDigits(value) && value.length() < 19) out.put(field, Long.parseLong(value));
    }

    private static void putDouble(Map<String, Object> out, String field, String value) {
        if (value == null || value.isEmpty() || value.length() > 20) return;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < '0' || c > '9') && c != '.') return;
        }
        if (value.indexOf('.') != value.lastIndexOf('.') || value.charAt(0) == '.' || value.endsWith(".")) return;
        out.put(field, Double.parseDouble(value));
    }
}
