package io.vigil.web.posture;

import io.vigil.access.LockoutPolicy;
import io.vigil.access.User;
import io.vigil.access.audit.AuditVerification;
import io.vigil.web.exposure.Finding;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the posture assessment looks at, gathered by the caller (the CLI from the data directory and
 * configuration, the server from its live state).
 */
public record PostureFacts(Transport transport, Auth auth, long retentionMaxAgeDays, List<RuleInfo> rules,
                           Observed observed) {
    public PostureFacts {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(auth, "auth");
        rules = List.copyOf(rules);
        Objects.requireNonNull(observed, "observed");
    }

    /** Where and how the web server listens. */
    public record Transport(String host, boolean tls, boolean plainAllowedOffLoopback) {
    }

    /** Login throttling, session lifetimes, and the accounts. */
    public record Auth(LockoutPolicy lockout, Duration sessionIdle, Duration sessionMax, List<User> users) {
        public Auth {
            users = List.copyOf(users);
        }
    }

    /** What was measured: exposure findings, and the audit chain (null when not checked). */
    public record Observed(List<Finding> exposure, AuditVerification audit) {
        public Observed {
            exposure = List.copyOf(exposure);
        }
    }
}
