package io.vigil.cases.action;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The only places actions may send to: exact host names or addresses ({@code hosts}) and URL prefixes
 * ({@code url_prefixes}, e.g. {@code https://edr.example.com/api/}). A configured webhook, mail server or
 * syslog forwarder outside it is a configuration error, and each send checks again before connecting.
 */
public record Allowlist(List<String> hosts, List<String> urlPrefixes) {
    public static final Allowlist NONE = new Allowlist(List.of(), List.of());

    public Allowlist {
        hosts = hosts == null ? List.of() : hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        urlPrefixes = urlPrefixes == null ? List.of() : List.copyOf(urlPrefixes);
    }

    public boolean allowsHost(String host) {
        return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** An http(s) URL is allowed when its host is listed or it starts with a listed prefix. */
    public boolean allowsUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return false;
        if (url.getUserInfo() != null) return false;
        return allowsHost(url.getHost()) || urlPrefixes.stream().anyMatch(p -> url.normalize().toString().startsWith(p));
    }

    /** @throws DestinationRefused naming the destination and where to allow it */
    public void requireUrl(URI url) {
        if (!allowsUrl(url)) {
            throw new DestinationRefused("destination " + url + " is not on actions.allowlist; add its host to "
                    + "actions.allowlist.hosts or a prefix to actions.allowlist.url_prefixes");
        }
    }

    public void requireHost(String host, String what) {
        if (!allowsHost(host)) {
            throw new DestinationRefused(what + " host " + host + " is not on actions.allowlist.hosts; add it there to allow it");
        }
    }

    /** A send refused because its destination is not allowed; never retried. */
    public static final class DestinationRefused extends RuntimeException {
        public DestinationRefused(String message) {
            super(message, null, false, false);
        }
    }
}
