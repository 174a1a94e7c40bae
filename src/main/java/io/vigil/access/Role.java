package io.vigil.access;

import java.util.Locale;

/**
 * What a user or token may do. Admin ⊇ analyst ⊇ viewer for reading and managing; ingest is a separate,
 * send-only role (only the ingest routes), which admin also holds.
 */
public enum Role {
    INGEST, VIEWER, ANALYST, ADMIN;

    /** Whether holding this role satisfies a route that requires {@code required}. */
    public boolean allows(Role required) {
        return switch (this) {
            case ADMIN -> true;
            case ANALYST -> required == ANALYST || required == VIEWER;
            case VIEWER -> required == VIEWER;
            case INGEST -> required == INGEST;
        };
    }

    /** Parses "viewer", "ADMIN"...; the error lists the valid names. */
    public static Role parse(String text) {
        if (text != null) {
            for (Role role : values()) {
                if (role.name().equalsIgnoreCase(text.strip())) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; use one of ingest, viewer, analyst, admin");
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
