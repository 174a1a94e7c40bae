package io.vigil.access;

import java.util.Objects;

/** The result of a password (or token-as-password) login attempt with throttling. */
public sealed interface LoginOutcome {
    /** The secret matched an enabled account. */
    record Success(Principal principal) implements LoginOutcome {
        public Success {
            Objects.requireNonNull(principal, "principal");
        }
    }

    /** Wrong name, wrong secret or disabled account (deliberately not told apart). */
    record Rejected() implements LoginOutcome {
    }

    /** Refused without checking the secret because the user name or the address is locked. */
    record Locked(Lockout lockout) implements LoginOutcome {
        public Locked {
            Objects.requireNonNull(lockout, "lockout");
        }
    }
}
