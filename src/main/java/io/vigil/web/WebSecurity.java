package io.vigil.web;

import io.vigil.access.audit.AuditLog;
import java.util.Objects;

/**
 * The web server's security settings beyond authentication itself.
 *
 * @param audit     where logins, searches and account changes are recorded
 * @param masking   what viewers see of personal data in search results
 * @param transport HTTPS or (loopback-only unless allowed) plain HTTP
 */
public record WebSecurity(AuditLog audit, FieldMasking masking, Transport transport) {
    public WebSecurity {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(masking, "masking");
        Objects.requireNonNull(transport, "transport");
    }

    /** No audit log, the default masked fields with a per-process key, plain HTTP on loopback only. */
    public static WebSecurity defaults() {
        return new WebSecurity(AuditLog.NONE, FieldMasking.withDefaults(FieldMasking.randomKey()),
                Transport.PLAIN_LOOPBACK_ONLY);
    }

    public WebSecurity withAudit(AuditLog log) {
        return new WebSecurity(log, masking, transport);
    }

    public WebSecurity withTransport(Transport t) {
        return new WebSecurity(audit, masking, t);
    }
}
