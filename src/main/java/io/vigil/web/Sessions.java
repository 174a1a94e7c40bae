package io.vigil.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions, in memory (a restart logs everyone out, which is acceptable for a single node).
 * The id is 32 random bytes; the map is keyed by SHA-256 of the id so lookups do not compare secrets
 * and a heap dump does not reveal live cookies. A session ends after {@code idle} without use or
 * {@code max} after login, whichever comes first, or at logout. Each session carries a CSRF token
 * (synchronizer pattern) that state-changing requests must echo in {@code X-CSRF-Token}.
 */
final class Sessions {
    static final String COOKIE = "vigil_session";

    /** A live session. {@code csrfToken} is not secret from its owner; it is returned by login and /api/me. */
    record Session(String user, String csrfToken, Instant createdAt, Instant lastSeenAt) {
    }

    /** A session just started: the cookie value (shown once) and the session. */
    record Started(String id, Session session) {
    }

    private final Map<String, Session> byIdHash = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idle;
    private final Duration max;

    Sessions(Clock clock, Duration idle, Duration max) {
        this.clock = clock;
        this.idle = idle;
        this.max = max;
    }

    Started start(String user) {
        dropExpired();
        String id = randomText();
        Instant now = clock.instant();
        Session session = new Session(user, randomText(), now, now);
        byIdHash.put(hash(id), session);
        return new Started(id, session);
    }

    /** The live session with this id, marked as used now; empty when unknown or expired. */
    Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String key = hash(id);
        Session session = byIdHash.get(key);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session, now)) {
            byIdHash.remove(key, session);
            return Optional.empty();
        }
        Session touched = new Session(session.user(), session.csrfToken(), session.createdAt(), now);
        byIdHash.replace(key, session, touched);
        return Optional.of(touched);
    }

    /** The user of a live session; empty when unknown or expired. */
    Optional<String> user(String id) {
        return find(id).map(Session::user);
    }

    void end(String id) {
        if (id != null) {
            byIdHash.remove(hash(id));
        }
    }

    /** Ends every session of a user (disabled account, changed password). */
    void endAllOf(String user) {
        byIdHash.values().removeIf(s -> s.user().equals(user));
    }

    int size() {
        return byIdHash.size();
    }

    /** Constant-time check of a presented CSRF token against the session's. */
    static boolean csrfMatches(Session session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private boolean expired(Session s, Instant now) {
        return !s.lastSeenAt().plus(idle).isAfter(now) || !s.createdAt().plus(max).isAfter(now);
    }

    private void dropExpired() {
        Instant now = clock.instant();
        byIdHash.values().removeIf(s -> expired(s, now));
    }

    private String randomText() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
