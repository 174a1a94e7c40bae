package io.vigil.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions, in memory (a restart logs everyone out, which is acceptable for a single node).
 * The id is 32 random bytes; the map is keyed by SHA-256 of the id so lookups do not compare secrets
 * and a heap dump does not reveal live cookies. A session ends after {@code idle} without use.
 */
final class Sessions {
    static final String COOKIE = "vigil_session";

    private record Session(String user, long expiresAtMillis) {
    }

    private final Map<String, Session> byIdHash = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idle;

    Sessions(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    /** Starts a session and returns its id (the cookie value). */
    String start(String user) {
        dropExpired();
        byte[] id = new byte[32];
        random.nextBytes(id);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        byIdHash.put(hash(text), new Session(user, clock.millis() + idle.toMillis()));
        return text;
    }

    /** The user of a live session, extending it; empty when unknown or expired. */
    Optional<String> user(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String key = hash(id);
        Session session = byIdHash.get(key);
        long now = clock.millis();
        if (session == null || session.expiresAtMillis() <= now) {
            if (session != null) {
                byIdHash.remove(key, session);
            }
            return Optional.empty();
        }
        byIdHash.replace(key, session, new Session(session.user(), now + idle.toMillis()));
        return Optional.of(session.user());
    }

    void end(String id) {
        if (id != null) {
            byIdHash.remove(hash(id));
        }
    }

    int size() {
        return byIdHash.size();
    }

    private void dropExpired() {
        long now = clock.millis();
        byIdHash.values().removeIf(s -> s.expiresAtMillis() <= now);
    }

    private static String hash(String id) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
