package io.vigil.access;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, briefly, that a password matched its stored Argon2 hash. Shippers (Filebeat, Logstash...)
 * send Basic auth on every {@code _bulk} request and Argon2 costs ~250 ms, which would cap ingest at a few
 * requests per second per core. The key is SHA-256(process-random salt, user, password, stored hash): the
 * password itself is never held, a password change (new stored hash) misses the cache at once, and the
 * salt stops precomputed lookups if memory is dumped. Only successes are cached; failures always pay
 * Argon2. Entries live {@link #TTL}; the map is bounded by clearing it when it grows past {@link #MAX_ENTRIES}.
 */
final class VerifiedPasswordCache {
    static final Duration TTL = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 10_000;

    private final Map<String, Long> expiryByKey = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[16];
    private final Clock clock;

    VerifiedPasswordCache(Clock clock, SecureRandom random) {
        this.clock = clock;
        random.nextBytes(salt);
    }

    boolean isFresh(String user, String password, String storedHash) {
        String key = key(user, password, storedHash);
        Long expiry = expiryByKey.get(key);
        if (expiry == null) {
            return false;
        }
        if (expiry <= clock.millis()) {
            expiryByKey.remove(key, expiry);
            return false;
        }
        return true;
    }

    void remember(String user, String password, String storedHash) {
        if (expiryByKey.size() >= MAX_ENTRIES) {
            expiryByKey.clear();
        }
        expiryByKey.put(key(user, password, storedHash), clock.millis() + TTL.toMillis());
    }

    void forget() {
        expiryByKey.clear();
    }

    private String key(String user, String password, String storedHash) {
        byte[] text = (user + '\0' + password + '\0' + storedHash).getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[salt.length + text.length];
        System.arraycopy(salt, 0, input, 0, salt.length);
        System.arraycopy(text, 0, input, salt.length, text.length);
        return HexFormat.of().formatHex(TokenString.sha256(input));
    }
}
