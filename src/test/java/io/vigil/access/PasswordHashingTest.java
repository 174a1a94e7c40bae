package io.vigil.access;

import io.vigil.testkit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PasswordHashingTest {
    @Test
    void hashesInPhcFormWithOwaspParametersAndVerifies() {
        Argon2idHasher hasher = new Argon2idHasher(new SecureRandom());
        String phc = hasher.hash("correct horse battery");
        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify("correct horse battery", phc)).isTrue();
        assertThat(hasher.verify("correct horse batterx", phc)).isFalse();
        assertThat(hasher.verify("correct horse battery", "$argon2id$garbage")).isFalse();
    }

    @Test
    void sameCostParametersAreReadFromTheStoredString() {
        Argon2idHasher hasher = new Argon2idHasher(new SecureRandom());
        String phc = hasher.hash("another passphrase");
        String otherSalt = hasher.hash("another passphrase");
        assertThat(otherSalt).isNotEqualTo(phc);
        assertThat(hasher.verify("another passphrase", otherSalt)).isTrue();
    }

    @Test
    void cacheRemembersSuccessUntilTtlAndMissesWhenStoredHashChanges() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        VerifiedPasswordCache cache = new VerifiedPasswordCache(clock, new SecureRandom());
        assertThat(cache.isFresh("ann", "pw-1234567890", "hashA")).isFalse();
        cache.remember("ann", "pw-1234567890", "hashA");
        assertThat(cache.isFresh("ann", "pw-1234567890", "hashA")).isTrue();
        assertThat(cache.isFresh("ann", "pw-1234567891", "hashA")).isFalse();
        assertThat(cache.isFresh("ann", "pw-1234567890", "hashB")).isFalse();
        assertThat(cache.isFresh("bob", "pw-1234567890", "hashA")).isFalse();
        clock.advance(VerifiedPasswordCache.TTL.plus(Duration.ofMillis(1)));
        assertThat(cache.isFresh("ann", "pw-1234567890", "hashA")).isFalse();
    }
}
