package io.vigil.parse.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ECS mapping shared by every access-log format: request line, URL split, client address, status and
 * outcome. Static and stateless.
 */
public final class HttpFields {
    private HttpFields() {}

    /**
     * Splits {@code METHOD TARGET HTTP/x.y} into {@code http.request.method}, {@code url.*} and
     * {@code http.version}; a request that is not three parts (junk from scanners) is kept whole in
     * {@code url.original} unless it is "-".
     */
    static void putRequestLine(Map<String, Object> out, String request) {
        int first = request.indexOf(' ');
        int last = request.lastIndexOf(' ');
        if (first > 0 && last > first && request.startsWith("HTTP/", last + 1)) {
            out.put("http.request.method", request.substring(0, first));
            putUrl(out, request.substring(first + 1, last));
            out.put("http.version", request.substring(last + 6));
        } else if (first > 0 && last == first && isToken(request.substring(0, first))) {
            out.put("http.request.method", request.substring(0, first));   // HTTP/0.9 style: no version
            putUrl(out, request.substring(first + 1));
        } else if (!request.isEmpty() && !"-".equals(request)) {
            out.put("url.original", request);
        }
    }

    /** {@code url.original}, and {@code url.path}/{@code url.query}, plus the domain of an absolute URL. */
    public static void putUrl(Map<String, Object> out, String target) {
        if (target.isEmpty() || "-".equals(target)) return;
        out.put("url.original", target);
        String path = target;
        int scheme = target.indexOf("://");
        if (scheme > 0 && scheme < 10) {
            int slash = target.indexOf('/', scheme + 3);
            String authority = slash < 0 ? target.substring(scheme + 3) : target.substring(scheme + 3, slash);
            putDomain(out, authority);
            out.put("url.scheme", target.substring(0, scheme));
            path = slash < 0 ? "/" : target.substring(slash);
        }
        int question = path.indexOf('?');
        if (question >= 0) {
            out.put("url.path", path.substring(0, question));
            if (question + 1 < path.length()) out.put("url.query", path.substring(question + 1));
        } else {
            out.put("url.path", path);
        }
    }

    /** {@code url.domain} (and {@code url.port}) from a {@code host[:port]} authority. */
    static void putDomain(Map<String, Object> out, String authority) {
        int at = authority.lastIndexOf('@');
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0 && hostPort.indexOf(']') < colon && isDigits(hostPort.substring(colon + 1))
                && hostPort.length() - colon <= 6) {
            out.put("url.port", Long.parseLong(hostPort.substring(colon + 1)));
            hostPort = hostPort.substring(0, colon);
        }
        if (!hostPort.isEmpty() && !"-".equals(hostPort)) out.put("url.domain", hostPort);
    }

    /** {@code source.ip} when the client is an address, {@code source.domain} when it is a resolved name. */
    static void putClient(Map<String, Object> out, String client) {
        if (client.isEmpty() || "-".equals(client)) return;
        out.put(looksLikeIp(client) ? "source.ip" : "source.domain", client);
    }

    /** Status code, and the outcome ECS derives from it: below 400 success, else failure. */
    static void putStatus(Map<String, Object> out, String status) {
        if (status.length() != 3 || !isDigits(status)) return;
        long code = Long.parseLong(status);
        out.put("http.response.status_code", code);
        out.put("event.outcome", code < 400 ? "success" : "failure");
    }

    static void putCategorization(Map<String, Object> out, String dataset) {
        out.put("event.kind", "event");
        out.put("event.category", new ArrayList<>(List.of("web")));
        out.put("event.type", new ArrayList<>(List.of("access")));
        out.put("event.dataset", dataset);
        out.put("event.module", dataset.substring(0, dataset.indexOf('.')));
    }

    /** Dotted IPv4 or colon-separated IPv6 (hex digits, colons, an embedded IPv4); no validation beyond that. */
    public static boolean looksLikeIp(String s) {
        if (s.isEmpty() || s.length() > 45) return false;
        int dots = 0;
        boolean colon = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') dots++;
            else if (c == ':') colon = true;
            else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) return false;
        }
        if (colon) return true;
        if (dots != 3) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) != '.' && (s.charAt(i) < '0' || s.charAt(i) > '9')) return false;
        return true;
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < 'A' || s.charAt(i) > 'Z') return false;
        return !s.isEmpty();
    }
}
