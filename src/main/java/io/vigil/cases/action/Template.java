package io.vigil.cases.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny text template: {@code {{name}}} placeholders replaced by values, nothing else (no logic, no
 * includes), so configuration cannot run code. For JSON bodies every value is JSON-string-escaped, so a host
 * name such as {@code a","admin":true} stays inside its string; the template's own JSON is left as written.
 */
public record Template(String text) {
    /** The names a template may use; anything else is a configuration error. */
    public static final Set<String> NAMES = Set.of("incident.id", "incident.title", "incident.severity",
            "incident.status", "incident.assignee", "incident.hosts", "incident.users", "host", "user", "alert.id",
            "alert.rule_id", "alert.rule_title", "alert.level", "actor", "action.name", "action.id");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_.]+)\\s*}}");

    public Template {
        Objects.requireNonNull(text, "text");
    }

    /** Placeholder names that are not in {@link #NAMES} (empty when the template is valid). */
    public List<String> unknownNames() {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) unknown.add(m.group(1));
        }
        return unknown;
    }

    /** Substitutes values as they are (plain text: e-mail subjects and bodies). Missing values become "". */
    public String render(Map<String, String> values) {
        return substitute(values, false);
    }

    /** Substitutes JSON-escaped values, for placeholders written inside JSON strings. */
    public String renderJson(Map<String, String> values) {
        return substitute(values, true);
    }

    private String substitute(Map<String, String> values, boolean json) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(json ? jsonEscape(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // < and > escaped too, so a body pasted into HTML by the receiver cannot open a tag
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }
}
