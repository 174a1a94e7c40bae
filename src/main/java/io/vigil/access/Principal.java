package io.vigil.access;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, once authenticated.
 *
 * @param user         the user name (a token's owner for token calls)
 * @param role         the effective role (the token's role for token calls)
 * @param capabilities extra permissions (tokens only)
 * @param tokenId      the API token used, or null for a password or session
 */
public record Principal(String user, Role role, Set<Capability> capabilities, String tokenId) {
    public Principal {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        capabilities = Set.copyOf(capabilities);
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }
}
