package io.vigil.cases.report;

import io.vigil.event.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Observables found in an incident's events (ECS fields): IPv4 addresses, domains, files with hashes,
 * processes and accounts. Sorted and de-duplicated, so reports built from the same events are identical.
 */
public record Evidence(Set<String> ipv4, Set<String> domains, Map<String, FileSeen> files, Set<String> processes,
                       Set<String> accounts) {
    public static final Evidence NONE = new Evidence(Set.of(), Set.of(), Map.of(), Set.of(), Set.of());
    private static final Pattern IPV4 = Pattern.compile("^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-zA-Z0-9-]{1,63}\\.)+[a-zA-Z]{2,63}$");

    /** A file by name with whatever hashes were seen ({@code SHA-256}, {@code SHA-1}, {@code MD5}). */
    public record FileSeen(String name, Map<String, String> hashes) {
    }

    /** Looks up the events behind alerts; the server wires it to the event store. */
    @FunctionalInterface
    public interface Source {
        Source NONE = ids -> List.of();

        List<Event> events(List<String> eventIds);
    }

    public static Evidence from(List<Event> events) {
        Set<String> ips = new TreeSet<>();
        Set<String> domains = new TreeSet<>();
        Map<String, FileSeen> files = new LinkedHashMap<>();
        Set<String> processes = new TreeSet<>();
        Set<String> accounts = new TreeSet<>();
        for (Event e : events) {
            for (String f : List.of("source.ip", "destination.ip", "client.ip", "server.ip")) add(ips, e.text(f), IPV4);
            for (String f : List.of("dns.question.name", "destination.domain", "url.domain", "server.domain")) add(domains, e.text(f), DOMAIN);
            if (e.text("process.name") != null) processes.add(e.text("process.name"));
            if (e.text("user.name") != null) accounts.add(e.text("user.name"));
            file(e).ifPresent(f -> files.merge(f.name() + "|" + f.hashes(), f, (a, b) -> a));
        }
        return new Evidence(ips, domains, files, processes, accounts);
    }

    private static java.util.Optional<FileSeen> file(Event e) {
        Map<String, String> hashes = new LinkedHashMap<>();
        putHash(hashes, "SHA-256", e.text("file.hash.sha256"), 64);
        putHash(hashes, "SHA-1", e.text("file.hash.sha1"), 40);
        putHash(hashes, "MD5", e.text("file.hash.md5"), 32);
        String name = e.text("file.name");
        if (name == null && hashes.isEmpty()) return java.util.Optional.empty();
        return java.util.Optional.of(new FileSeen(name, hashes));
    }

    private static void putHash(Map<String, String> hashes, String algorithm, String value, int hexLength) {
        if (value != null && value.matches("[0-9a-fA-F]{" + hexLength + "}")) hashes.put(algorithm, value.toLowerCase(java.util.Locale.ROOT));
    }

    private static void add(Set<String> into, String value, Pattern valid) {
        if (value != null && valid.matcher(value).matches()) into.add(value);
    }
}
