package io.vigil.parse.access;

import java.util.Locale;
import java.util.Map;

/** The ECS field for each W3C extended column; unknown columns go under {@code iis.access.*}. */
final class W3cFields {
    private W3cFields() {}

    static void put(Map<String, Object> out, String column, String value) {
        switch (column) {
            case "s-ip" -> out.put("destination.ip", value);
            case "s-port" -> putLong(out, "destination.port", value);
            case "s-sitename" -> out.put("iis.access.site_name", value);
            case "s-computername" -> out.put("host.name", value);
            case "cs-method" -> out.put("http.request.method", value);
            case "cs-uri-stem" -> out.put("url.path", value);
            case "cs-uri-query" -> out.put("url.query", value);
            case "cs-username" -> out.put("user.name", value);
            case "c-ip" -> HttpFields.putClient(out, value);
            case "cs-version" -> out.put("http.version", value.startsWith("HTTP/") ? value.substring(5) : value);
            case "cs(User-Agent)" -> out.put("user_agent.original", value.replace('+', ' '));
            case "cs(Referer)" -> out.put("http.request.referrer", value);
            case "cs(Cookie)" -> out.put("iis.access.cookie", value);
            case "cs-host" -> HttpFields.putDomain(out, value);
            case "sc-status" -> HttpFields.putStatus(out, value);
            case "sc-substatus" -> putLong(out, "iis.access.sub_status", value);
            case "sc-win32-status" -> putLong(out, "iis.access.win32_status", value);
            case "sc-bytes" -> putLong(out, "http.response.body.bytes", value);
            case "cs-bytes" -> putLong(out, "http.request.body.bytes", value);
            case "time-taken" -> {
                if (HttpFields.isDigits(value) && value.length() < 12) out.put("event.duration", Long.parseLong(value) * 1_000_000L);
            }
            default -> out.put("iis.access." + column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"), value);
        }
    }

    /** Joins {@code url.path} and {@code url.query} into {@code url.original}. */
    static void finish(Map<String, Object> out) {
        Object path = out.get("url.path");
        if (path == null) return;
        Object query = out.get("url.query");
        out.put("url.original", query == null ? path : path + "?" + query);
    }

    /** A numeric column that is not a number is dropped rather than put into a long field. */
    private static void putLong(Map<String, Object> out, String field, String value) {
        if (HttpFields.isDigits(value) && value.length() < 19) out.put(field, Long.parseLong(value));
    }
}
