package io.vigil.access.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One entry of the audit log. {@code hash} = SHA-256(prevHash + "\n" + canonical content), hex; the first
 * record's {@code prevHash} is 64 zeros ({@link AuditChain#GENESIS}).
 *
 * @param seq     1, 2, 3... without gaps
 * @param actor   who did it: a user name, "system", or "anonymous" for failed logins
 * @param action  dotted verb, e.g. {@code auth.login}, {@code search}, {@code user.create}
 * @param target  what it was done to (a user, token id, rule id...; "" when none)
 * @param details extra facts as text (address, query, reason...); keys sorted
 */
public record AuditRecord(long seq, Instant time, String actor, String action, String target,
                          Map<String, String> details, String prevHash, String hash) {
    public AuditRecord {
        if (seq < 1) {
            throw new IllegalArgumentException("audit seq must be >= 1, got " + seq);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        target = target == null ? "" : target;
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }
}
