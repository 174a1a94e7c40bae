package io.vigil.web.exposure;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what the user typed into base URLs to probe: a URL ({@code https://host:9200}), {@code host:port}
 * (tried as https, then http), or an IPv4 CIDR range expanded over {@code ports}. Ranges are capped at
 * {@link #MAX_RANGE_ADDRESSES} addresses, and a range that is not loopback needs {@code authorized}:
 * scanning a network is only for networks you are responsible for.
 */
public final class Targets {
    public static final int MAX_RANGE_ADDRESSES = 256;
    public static final List<Integer> DEFAULT_PORTS = List.of(9200, 5601, 9000, 80, 443);

    private Targets() {
    }

    /** Each entry is a list of alternative base URLs for one endpoint (https first when unknown). */
    public static List<List<URI>> expand(List<String> targets, List<Integer> ports, boolean authorized) {
        List<List<URI>> endpoints = new ArrayList<>();
        for (String target : targets) {
            String t = target.strip();
            if (t.startsWith("http://") || t.startsWith("https://")) {
                URI uri = URI.create(t.endsWith("/") ? t.substring(0, t.length() - 1) : t);
                endpoints.add(List.of(uri));
            } else if (t.contains("/")) {
                for (String address : range(t, authorized)) {
                    ports.forEach(port -> endpoints.add(alternatives(address, port)));
                }
            } else {
                int colon = t.lastIndexOf(':');
                if (colon <= 0) {
                    ports.forEach(port -> endpoints.add(alternatives(t, port)));
                } else {
                    endpoints.add(alternatives(t.substring(0, colon), parsePort(t.substring(colon + 1), t)));
                }
            }
        }
        return endpoints;
    }

    private static List<URI> alternatives(String host, int port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return List.of(URI.create("https://" + h + ":" + port), URI.create("http://" + h + ":" + port));
    }

    private static int parsePort(String text, String target) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("target '" + target + "': port must be 1-65535");
    }

    static List<String> range(String cidr, boolean authorized) {
        String[] parts = cidr.split("/");
        int prefix;
        byte[] base;
        try {
            prefix = Integer.parseInt(parts[1]);
            base = InetAddress.getByName(parts[0]).getAddress();
        } catch (NumberFormatException | UnknownHostException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 CIDR range like 192.168.1.0/24");
        }
        if (base.length != 4 || prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 CIDR range like 192.168.1.0/24");
        }
        long size = 1L << (32 - prefix);
        if (size > MAX_RANGE_ADDRESSES) {
            throw new IllegalArgumentException("range " + cidr + " has " + size + " addresses; the limit is "
                    + MAX_RANGE_ADDRESSES + " (/24): split it into /24 ranges you are responsible for");
        }
        if ((base[0] & 0xff) != 127 && !authorized) {
            throw new IllegalArgumentException("range " + cidr + " is not loopback: scan only networks you are"
                    + " responsible for, and say so with --i-am-authorized");
        }
        long start = ((base[0] & 0xffL) << 24 | (base[1] & 0xffL) << 16 | (base[2] & 0xffL) << 8 | (base[3] & 0xffL))
                & (0xffffffffL << (32 - prefix));
        List<String> addresses = new ArrayList<>();
        for (long a = start; a < start + size; a++) {
            addresses.add(((a >> 24) & 0xff) + "." + ((a >> 16) & 0xff) + "." + ((a >> 8) & 0xff) + "." + (a & 0xff));
        }
        return addresses;
    }
}
