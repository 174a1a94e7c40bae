package io.vigil.detect.compile;

import io.vigil.detect.rule.LogSource;
import io.vigil.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Route keys for everything that is not a Windows event log, from the fields the normalizer sets:
 * <ul>
 *   <li>rules: {@code linux|<service>} (auth, sshd, sudo, syslog, cron…), {@code linux|*} (other Linux rules),
 *       {@code cat|webserver|proxy|firewall} (product-less web and network categories), {@code product|<name>}
 *       (aws, okta, macos…), {@code other} (no product);</li>
 *   <li>events: a syslog line gets {@code linux|*}, {@code linux|syslog} and the service of its program
 *       ({@code sshd} → sshd and auth; sudo, su, login, PAM → auth); an access log ({@code event.dataset}
 *       {@code apache.access}, {@code nginx.access}…, or ECS {@code event.category: web}) gets
 *       {@code cat|webserver}; proxy and firewall datasets likewise. Recognized events also get {@code other}.</li>
 * </ul>
 * An event of no recognizable source is {@link #UNKNOWN}: it is evaluated against every non-Windows route,
 * so narrowing never loses a match on data Vigil cannot classify.
 */
final class NonWindowsRoutes {

    static final String OTHER = "other";
    static final String UNKNOWN = "?";

    private static final Set<String> LINUX_SERVICES = Set.of("auth", "sshd", "sudo", "syslog", "cron", "su",
            "auditd", "clamav", "guacamole", "modsecurity", "vsftpd", "bash", "sysmon");
    private static final Set<String> CATEGORIES = Set.of("webserver", "proxy", "firewall");
    private static final Map<String, List<String>> PROGRAM_SERVICES = Map.of(
            "sshd", List.of("sshd", "auth"), "sudo", List.of("sudo", "auth"), "su", List.of("su", "auth"),
            "login", List.of("auth"), "systemd-logind", List.of("auth"), "cron", List.of("cron"),
            "crond", List.of("cron"), "vsftpd", List.of("vsftpd"), "clamd", List.of("clamav"),
            "auditd", List.of("auditd"));

    private NonWindowsRoutes() {}

    static List<String> of(LogSource ls) {
        String product = ls.product();
        if ("linux".equals(product)) {
            return List.of(ls.service() != null && LINUX_SERVICES.contains(ls.service()) ? "linux|" + ls.service() : "linux|*");
        }
        if (product != null) return List.of("product|" + product);
        if (ls.category() != null && CATEGORIES.contains(ls.category())) return List.of("cat|" + ls.category());
        return List.of(OTHER);
    }

    /**
     * Everything {@link #of(Event)} uses from an event, as an immutable value: two events with equal sources get
     * the same routes, so callers may cache routes (and what they derive from them) by it.
     *
     * @param dataset         {@code event.dataset}, lower case
     * @param categories      {@code event.category} as {@code |a|b|}
     * @param hasSyslogHeader the event has a syslog program, host name or priority
     * @param program         the syslog program, else {@code process.name}, lower case
     */
    record Source(String dataset, String categories, boolean hasSyslogHeader, String program, String osType) {}

    static Source sourceOf(Event e) {
        boolean header = e.get("log.syslog.appname") != null || e.get("log.syslog.hostname") != null
                || e.get("log.syslog.priority") != null;
        String program = lower(e.text("log.syslog.appname"));
        if (program == null) program = lower(e.text("process.name"));
        return new Source(lower(e.text("event.dataset")), categories(e.get("event.category")), header, program,
                lower(e.text("host.os.type")));
    }

    static List<String> of(Event event) {
        return of(sourceOf(event));
    }

    static List<String> of(Source source) {
        List<String> keys = new ArrayList<>(6);
        String dataset = source.dataset();
        String category = source.categories();
        if (dataset != null && (dataset.endsWith(".access") || dataset.contains("access_log")) || category.contains("|web|")) {
            keys.add("cat|webserver");
        }
        if (dataset != null && (dataset.contains("proxy") || dataset.startsWith("squid"))) keys.add("cat|proxy");
        if (dataset != null && (dataset.contains("firewall") || dataset.startsWith("iptables") || dataset.startsWith("pf."))) {
            keys.add("cat|firewall");
        }
        if (isLinux(source, dataset)) linux(source, dataset, category, keys);
        if (keys.isEmpty()) return List.of(UNKNOWN);
        keys.add(OTHER);
        return keys;
    }

    private static boolean isLinux(Source s, String dataset) {
        return s.hasSyslogHeader() || dataset != null && (dataset.startsWith("system.") || dataset.startsWith("auditd"))
                || "linux".equals(s.osType());
    }

    private static void linux(Source s, String dataset, String category, List<String> keys) {
        keys.add("linux|*");
        keys.add("linux|syslog");
        String program = s.program();
        for (String service : program == null ? List.<String>of() : PROGRAM_SERVICES.getOrDefault(program, List.of())) {
            if (!keys.contains("linux|" + service)) keys.add("linux|" + service);
        }
        if (("system.auth".equals(dataset) || category.contains("|authentication|")) && !keys.contains("linux|auth")) {
            keys.add("linux|auth");
        }
        if (dataset != null && dataset.startsWith("auditd") && !keys.contains("linux|auditd")) keys.add("linux|auditd");
    }

    /** {@code event.category} values as {@code |a|b|} for containment checks (and an immutable cache key). */
    private static String categories(Object v) {
        if (v instanceof List<?> list) {
            StringBuilder s = new StringBuilder("|");
            for (Object o : list) s.append(o).append('|');
            return s.toString();
        }
        return v == null ? "||" : "|" + v + "|";
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
