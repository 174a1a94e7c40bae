package io.vigil.web;

import io.vigil.access.Capability;
import io.vigil.access.Principal;
import io.vigil.access.Role;
import java.util.Objects;
import java.util.Set;

/** What a route requires of its caller. Every route in the table declares one; there is no default. */
public sealed interface Access {
    /** No authentication at all (health, login, logout). */
    record Public() implements Access {
    }

    /** Any authenticated caller, whatever the role. */
    record AnyPrincipal() implements Access {
    }

    /** A caller whose role allows {@code role}, or who holds any of {@code orCapabilities}. */
    record Needs(Role role, Set<Capability> orCapabilities) implements Access {
        public Needs {
            Objects.requireNonNull(role, "role");
            orCapabilities = Set.copyOf(orCapabilities);
        }
    }

    Access PUBLIC = new Public();
    Access ANY_PRINCIPAL = new AnyPrincipal();

    static Access role(Role role) {
        return new Needs(role, Set.of());
    }

    static Access roleOr(Role role, Capability capability) {
        return new Needs(role, Set.of(capability));
    }

    default boolean permits(Principal principal) {
        return switch (this) {
            case Public p -> true;
            case AnyPrincipal a -> principal != null;
            case Needs n -> principal != null && (principal.role().allows(n.role())
                    || n.orCapabilities().stream().anyMatch(principal::has));
        };
    }

    default String describe() {
        return switch (this) {
            case Public p -> "public";
            case AnyPrincipal a -> "any authenticated caller";
            case Needs n -> "role " + n.role().lowerName() + (n.orCapabilities().isEmpty() ? ""
                    : " or capability " + n.orCapabilities());
        };
    }
}
