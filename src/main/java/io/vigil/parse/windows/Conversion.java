package io.vigil.parse.windows;

import java.util.Locale;
import java.util.Map;

/** How an EventData value becomes ECS fields; each constant writes its target(s) into the output map. */
enum Conversion {
    /** The value as is. */
    TEXT {
        @Override
        void apply(String value, String target, Map<String, Object> out) {
            out.put(target, value);
        }
    },
    /** A decimal or 0x-hex integer (Security writes process ids in hex). */
    NUMBER {
        @Override
        void apply(String value, String target, Map<String, Object> out) {
            Long n = JsonShapes.number(value.strip());
            if (n != null) out.put(target, n);
        }
    },
    /** The last component of a Windows or POSIX path ({@code C:\x\cmd.exe} → {@code cmd.exe}). */
    BASENAME {
        @Override
        void apply(String value, String target, Map<String, Object> out) {
            int cut = Math.max(value.lastIndexOf('\\'), value.lastIndexOf('/'));
            out.put(target, value.substring(cut + 1));
        }
    },
    /** Everything before the last path separator ({@code C:\x\a.txt} → {@code C:\x}); nothing for a bare name. */
    DIRNAME {
        @Override
        void apply(String value, String target, Map<String, Object> out) {
            int cut = Math.max(value.lastIndexOf('\\'), value.lastIndexOf('/'));
            if (cut > 0) out.put(target, value.substring(0, cut));
        }
    },
    /** The lower-cased extension of the last path component, without the dot ({@code a.TXT} → {@code txt}). */
    EXTENSION {
        @Override
        void apply(String value, String target, Map<String, Object> out) {
            String name = value.substring(Math.max(value.lastIndexOf('\\'), value.lastIndexOf('/')) + 1);
            int dot = name.lastIndexOf('.');
            if (dot >= 0 && dot < name.length() - 1) out.put(target, name.substring(dot + 1).toLowerCase(Locale.ROOT));
        }
    },
    /** Sysmon's {@code SHA1=..,MD5=..,SHA256=..,IMPHASH=..} into {@code <target>.sha1} etc. */
    HASHES {
        @Override
        void apply(String value, String target, Map<String, Object> out) {
            for (String pair : value.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && eq < pair.length() - 1) {
                    out.put(target + "." + pair.substring(0, eq).strip().toLowerCase(Locale.ROOT), pair.substring(eq + 1).strip());
                }
            }
        }
    },
    /** {@code DOMAIN\name} into {@code <target>.domain} and {@code <target>.name}; a bare name sets only name. */
    DOMAIN_USER {
        @Override
        void apply(String value, String target, Map<String, Object> out) {
            int cut = value.indexOf('\\');
            if (cut > 0) out.put(target + ".domain", value.substring(0, cut));
            out.put(target + ".name", value.substring(cut + 1));
        }
    },
    /** An address, without the IPv4-mapped IPv6 prefix Windows adds ({@code ::ffff:10.0.0.1}). */
    IP {
        @Override
        void apply(String value, String target, Map<String, Object> out) {
            String ip = value.startsWith("::ffff:") ? value.substring(7) : value;
            if (!ip.isEmpty() && (Character.digit(ip.charAt(0), 16) >= 0 || ip.charAt(0) == ':')) out.put(target, ip);
        }
    },
    /** A protocol name or IANA number ("6", "tcp") as ECS network.transport ("tcp"). */
    TRANSPORT {
        @Override
        void apply(String value, String target, Map<String, Object> out) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            out.put(target, switch (v) {
                case "6" -> "tcp";
                case "17" -> "udp";
                case "1" -> "icmp";
                case "58" -> "ipv6-icmp";
                default -> v;
            });
        }
    },
    /** A logon type number as the name Winlogbeat uses ("3" → "Network"). */
    LOGON_TYPE {
        @Override
        void apply(String value, String target, Map<String, Object> out) {
            out.put(target, switch (value.strip()) {
                case "0" -> "System";
                case "2" -> "Interactive";
                case "3" -> "Network";
                case "4" -> "Batch";
                case "5" -> "Service";
                case "7" -> "Unlock";
                case "8" -> "NetworkCleartext";
                case "9" -> "NewCredentials";
                case "10" -> "RemoteInteractive";
                case "11" -> "CachedInteractive";
                default -> value.strip();
            });
        }
    };

    abstract void apply(String value, String target, Map<String, Object> out);

    /** Windows writes "-" (and sometimes "%%" codes or empty text) where there is no value. */
    static boolean isAbsent(String value) {
        return value == null || value.isEmpty() || value.equals("-");
    }
}
