package io.vigil.cases.report;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Deterministic STIX identifiers (UUIDv5, RFC 9562) and STIX timestamps (UTC, milliseconds). */
final class StixIds {
    /** The STIX 2.1 namespace for SCO ids (spec §2.9). */
    static final UUID SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");
    /** Vigil's own namespace for SDO and SRO ids. */
    static final UUID VIGIL_NAMESPACE = UUID.fromString("5b1e8a53-7d7c-4c8e-9d6e-0f3c1a2b4d60");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private StixIds() {
    }

    static String sdo(String type, String stableKey) {
        return type + "--" + v5(VIGIL_NAMESPACE, type + "\0" + stableKey);
    }

    /** SCO ids from the canonical JSON of the object's id-contributing properties. */
    static String sco(String type, String canonicalJson) {
        return type + "--" + v5(SCO_NAMESPACE, canonicalJson);
    }

    static String time(Instant t) {
        return MILLIS.format(t);
    }

    static UUID v5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer ns = ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
            sha1.update(ns.array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
