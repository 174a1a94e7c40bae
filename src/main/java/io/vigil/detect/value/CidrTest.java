package io.vigil.detect.value;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** {@code cidr}: the value is an IPv4 or IPv6 address inside the network. */
public final class CidrTest implements ValueTest {

    private final byte[] network;
    private final int prefix;
    private final String text;

    public CidrTest(String cidr) {
        this.text = cidr.trim();
        int slash = text.indexOf('/');
        byte[] addr = parseIp(slash < 0 ? text : text.substring(0, slash));
        if (addr == null) throw new IllegalArgumentException("cidr value '" + cidr + "' is not an IP network");
        int max = addr.length * 8;
        try {
            this.prefix = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cidr value '" + cidr + "' has a bad prefix length");
        }
        if (prefix < 0 || prefix > max) throw new IllegalArgumentException("cidr prefix out of range in '" + cidr + "'");
        this.network = addr;
    }

    @Override
    public boolean test(String raw, String lower) {
        byte[] a = parseIp(raw.trim());
        if (a == null || a.length != network.length) return false;
        int full = prefix / 8, rest = prefix % 8;
        for (int i = 0; i < full; i++) if (a[i] != network[i]) return false;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }

    /** Parses an IP literal; never resolves names (the character check keeps InetAddress off DNS). */
    static byte[] parseIp(String s) {
        if (s.isEmpty() || s.length() > 45 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return null;
        }
        if (s.indexOf(':') < 0 && !s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) return null;
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "cidr:" + text;
    }
}
