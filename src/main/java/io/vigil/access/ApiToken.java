package io.vigil.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** An API token's metadata; the secret is never part of it. {@code lastUsedAt} is null until first use. */
public record ApiToken(String id, String name, Role role, Set<Capability> capabilities, String owner,
                       Instant createdAt, Instant lastUsedAt, boolean revoked) {
    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
        capabilities = Set.copyOf(capabilities);
    }
}
