package io.vigil.parse.syslog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ECS fields for Linux authentication lines (sshd, sudo, su, pam_unix, useradd/groupadd) on top of the
 * syslog fields. Table-driven: each {@link Rule} is a pattern on the message, the constant categorization,
 * and the ECS field each capture group fills. Rules only run for the programs that write such lines.
 */
final class LinuxAuth {
    private LinuxAuth() {}

    /**
     * @param programs process.name values the rule applies to ("*" for any)
     * @param fields   ECS field per capture group, in group order (null to ignore a group)
     * @param prefix   the literal text every match starts with ({@link #literalPrefix}): a cheap test that
     *                 spares running the regex on the (many) messages that cannot match
     */
    record Rule(Set<String> programs, boolean anyProgram, Pattern pattern, String prefix, String category, String type,
                String outcome, String action, List<String> fields) {
        boolean appliesTo(String program, String message) {
            if (anyProgram ? !message.startsWith("pam_unix") : !programs.contains(program)) return false;
            return message.startsWith(prefix);
        }
    }

    private static Rule rule(String programs, String regex, String category, String type, String outcome,
                             String action, String... fields) {
        if (!regex.startsWith("^")) throw new IllegalArgumentException("LinuxAuth rules are matched at the start: " + regex);
        return new Rule(Set.of(programs.split(",")), programs.equals("*"), Pattern.compile(regex), literalPrefix(regex),
                category, type, outcome, action, java.util.Arrays.asList(fields));
    }

    /**
     * The plain characters an anchored regex starts with, up to its first metacharacter; a character a
     * quantifier follows is left out (it may be absent), and a top-level alternation gives no prefix at all.
     */
    static String literalPrefix(String regex) {
        if (!regex.startsWith("^") || hasTopLevelAlternation(regex)) return "";
        StringBuilder prefix = new StringBuilder();
        for (int i = 1; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if ("?*+{".indexOf(c) >= 0) {
                if (!prefix.isEmpty()) prefix.setLength(prefix.length() - 1);
                break;
            }
            if ("\\()[].|$^".indexOf(c) >= 0) break;
            prefix.append(c);
        }
        return prefix.toString();
    }

    private static boolean hasTopLevelAlternation(String regex) {
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') i++;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) return true;
        }
        return false;
    }

    private static final String IP_PORT = " from (\\S+) port (\\d+)";

    static final List<Rule> RULES = List.of(
            rule("sshd", "^Accepted (\\S+) for (\\S+)" + IP_PORT, "authentication", "start", "success", "ssh_login",
                    "auth.method", "user.name", "source.ip", "source.port"),
            rule("sshd", "^Failed (\\S+) for invalid user (\\S*)" + IP_PORT, "authentication", "start", "failure",
                    "ssh_login", "auth.method", "user.name", "source.ip", "source.port"),
            rule("sshd", "^Failed (\\S+) for (\\S+)" + IP_PORT, "authentication", "start", "failure", "ssh_login",
                    "auth.method", "user.name", "source.ip", "source.port"),
            rule("sshd", "^Invalid user (\\S*) from (\\S+)(?: port (\\d+))?", "authentication", "start", "failure",
                    "invalid_user", "user.name", "source.ip", "source.port"),
            rule("sshd", "^error: maximum authentication attempts exceeded for (?:invalid user )?(\\S*)" + IP_PORT,
                    "authentication", "start", "failure", "too_many_failures", "user.name", "source.ip", "source.port"),
            rule("sshd", "^Disconnected from (?:(?:invalid|authenticating) user \\S* |user (\\S+) )?(\\S+) port (\\d+)",
                    "session", "end", null, "ssh_disconnect", "user.name", "source.ip", "source.port"),
            rule("sshd", "^Received disconnect from (\\S+?)(?: port (\\d+))?:", "session", "end", null, "ssh_disconnect",
                    "source.ip", "source.port"),
            rule("sshd", "^input_userauth_request: invalid user (\\S*)", "authentication", "start", "failure",
                    "invalid_user", "user.name"),
            rule("sshd", "^PAM \\d+ more authentication failures?;.*? rhost=(\\S*)(?:\\s+user=(\\S+))?", "authentication",
                    "start", "failure", "pam_authentication_failure", "source.ip", "user.name"),
            rule("sshd", "^reverse mapping checking getaddrinfo for (\\S+) \\[([^\\]]+)\\] failed", "network", "info", null,
                    "reverse_mapping_failed", "source.domain", "source.ip"),
            rule("sshd", "^Connection closed by (?:(?:invalid|authenticating) user (\\S*) )?(\\S+?)(?: port (\\d+))?(?: \\[preauth\\])?$",
                    "session", "end", null, "ssh_connection_closed", "user.name", "source.ip", "source.port"),
            rule("sudo", "^\\s*(\\S+) : .*?command not allowed ; .*?USER=(\\S+) ; COMMAND=(.*)$", "process", "start",
                    "failure", "sudo", "user.name", "user.effective.name", "process.command_line"),
            rule("sudo", "^\\s*(\\S+) : (?:.*; )?TTY=\\S+ ; PWD=\\S+ ; USER=(\\S+) ; COMMAND=(.*)$", "process", "start",
                    "success", "sudo", "user.name", "user.effective.name", "process.command_line"),
            rule("su", "^Successful su for (\\S+) by (\\S+)", "authentication", "start", "success", "su",
                    "user.effective.name", "user.name"),
            rule("su", "^FAILED su for (\\S+) by (\\S+)", "authentication", "start", "failure", "su",
                    "user.effective.name", "user.name"),
            rule("*", "^pam_unix\\((\\S+?):auth\\): authentication failure;.*? rhost=(\\S*)(?:\\s+user=(\\S+))?",
                    "authentication", "start", "failure", "pam_authentication_failure", "service.name", "source.ip",
                    "user.name"),
            rule("*", "^pam_unix\\((\\S+?):session\\): session opened for user (\\S+)", "session", "start", "success",
                    "session_opened", "service.name", "user.name"),
            rule("*", "^pam_unix\\((\\S+?):session\\): session closed for user (\\S+)", "session", "end", "success",
                    "session_closed", "service.name", "user.name"),
            rule("useradd", "^new user: name=([^,]+), UID=(\\d+)", "iam", "creation", "success", "user_created",
                    "user.target.name", "user.target.id"),
            rule("groupadd", "^new group: name=([^,]+), GID=(\\d+)", "iam", "creation", "success", "group_created",
                    "group.name", "group.id"),
            rule("userdel", "^delete user '([^']+)'", "iam", "deletion", "success", "user_deleted", "user.target.name"));

    static void enrich(Map<String, Object> out) {
        if (!(out.get("process.name") instanceof String program) || !(out.get("message") instanceof String text)) return;
        String message = text;
        if (out.get("log.syslog.appname") instanceof String app && app.endsWith("(pam_unix)")) {
            // the pre-2008 PAM form "sshd(pam_unix)[pid]: authentication failure; ..." read as the current one
            String facet = message.startsWith("session ") ? "session" : "auth";
            message = "pam_unix(" + program + ":" + facet + "): " + message;
        }
        for (Rule r : RULES) {
            if (!r.appliesTo(program, message)) continue;
            Matcher m = r.pattern().matcher(message);
            if (!m.lookingAt()) continue; // every rule is anchored at the start: no scan over later positions
            apply(r, m, out);
            return;
        }
    }

    private static boolean looksLikeIp(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == ':' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) return false;
        }
        return v.indexOf('.') > 0 || v.indexOf(':') >= 0;
    }

    private static void apply(Rule r, Matcher m, Map<String, Object> out) {
        out.put("event.category", new ArrayList<>(List.of(r.category())));
        out.put("event.type", new ArrayList<>(List.of(r.type())));
        if (r.outcome() != null) out.put("event.outcome", r.outcome());
        out.put("event.action", r.action());
        for (int g = 1; g <= m.groupCount() && g <= r.fields().size(); g++) {
            String value = m.group(g);
            String field = r.fields().get(g - 1);
            if (field == null || value == null || value.isEmpty()) continue;
            if (field.equals("source.ip") && !looksLikeIp(value)) field = "source.domain";   // rhost may be a name
            if (field.endsWith(".port") || field.endsWith(".id") && SyslogDecoder.isDigits(value)) {
                if (SyslogDecoder.isDigits(value) && value.length() < 10) out.put(field, Long.parseLong(value));
            } else {
                out.put(field, value);
            }
        }
    }
}
