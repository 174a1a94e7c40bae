package io.vigil.access;

import java.time.Instant;
import java.util.Objects;

/** A user row without its password hash. {@code lastLoginAt} is null before the first login. */
public record User(String name, Role role, boolean disabled, Instant createdAt, Instant lastLoginAt) {
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
