package io.vigil.web;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.vigil.access.Accounts;
import io.vigil.access.LoginOutcome;
import io.vigil.access.Principal;
import io.vigil.access.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the caller of a request: {@code Authorization: Basic base64(user:password-or-token)},
 * {@code Authorization: ApiKey <vgl token>} or Elasticsearch's {@code ApiKey base64(id:secret)},
 * {@code Authorization: Bearer <vgl token>}, or the {@code vigil_session} cookie. A present but wrong
 * Authorization header is a 401 even if a valid cookie is also sent (no silent fallback).
 *
 * <p>Basic passwords go through the login throttle like console logins: a locked user name or address is
 * a 429 with {@code Retry-After}, and every failure is audited. A caller identified by cookie has its
 * session remembered on the context so the server can demand the CSRF token.
 */
final class Authenticator {
    static final String PRINCIPAL = "vigil.principal";
    static final String SESSION = "vigil.session";
    static final String CHALLENGE = "Basic realm=\"vigil\", charset=\"UTF-8\"";

    private final Accounts accounts;
    private final Sessions sessions;
    private final Counter failures;
    private final AuditLog audit;
    private final java.time.Clock clock;

    Authenticator(Accounts accounts, Sessions sessions, Counter failures, AuditLog audit, java.time.Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.sessions = sessions;
        this.failures = failures;
        this.audit = audit;
    }

    /** The caller, remembered on the context; throws a 401 (or 429 when locked) {@link HttpError} when there is none. */
    Principal require(Context ctx) {
        Principal known = ctx.attribute(PRINCIPAL);
        if (known != null) {
            return known;
        }
        Principal principal = identify(ctx).orElseThrow(() -> {
            failures.increment();
            return new HttpError(401, "authentication required: send Basic credentials, an API token"
                    + " (Authorization: ApiKey ...), or log in");
        });
        ctx.attribute(PRINCIPAL, principal);
        return principal;
    }

    /** The session the caller was identified by, or null for header credentials (call after {@link #require}). */
    static Sessions.Session sessionOf(Context ctx) {
        return ctx.attribute(SESSION);
    }

    private Optional<Principal> identify(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && !header.isBlank()) {
            Optional<Principal> principal = fromHeader(ctx, header.strip());
            if (principal.isEmpty()) {
                audit.record("anonymous", "auth.failed", "", Map.of("address", ctx.ip(), "scheme", scheme(header),
                        "path", ctx.path()));
            }
            return principal;
        }
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(Sessions.COOKIE));
        session.ifPresent(s -> ctx.attribute(SESSION, s));
        return session.map(Sessions.Session::user).flatMap(accounts::principalOf);
    }

    private Optional<Principal> fromHeader(Context ctx, String header) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space);
        String value = header.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Basic")) {
            return decode(value).flatMap(v -> basic(ctx, v));
        }
        if (scheme.equalsIgnoreCase("Bearer")) {
            return accounts.authenticateToken(value);
        }
        if (scheme.equalsIgnoreCase("ApiKey")) {
            if (value.startsWith("vgl_")) {
                return accounts.authenticateToken(value);
            }
            return decode(value).flatMap(this::esApiKey);
        }
        return Optional.empty();
    }

    private Optional<Principal> basic(Context ctx, String userAndSecret) {
        int colon = userAndSecret.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String user = userAndSecret.substring(0, colon);
        return switch (accounts.login(user, userAndSecret.substring(colon + 1), ctx.ip())) {
            case LoginOutcome.Success s -> Optional.of(s.principal());
            case LoginOutcome.Rejected r -> Optional.empty();
            case LoginOutcome.Locked l -> {
                audit.record("anonymous", "auth.lockout", user, Map.of("address", ctx.ip(),
                        "lock", l.lockout().kind().name().toLowerCase(java.util.Locale.ROOT)));
                throw locked(ctx, l, clock);
            }
        };
    }

    /** The 429 for a locked user or address, with Retry-After set on {@code ctx}. */
    static HttpError locked(Context ctx, LoginOutcome.Locked locked, java.time.Clock clock) {
        java.time.Instant now = clock.instant();
        ctx.header("Retry-After", Long.toString(locked.lockout().secondsLeft(now)));
        return new HttpError(429, locked.lockout().describe(now));
    }

    private Optional<Principal> esApiKey(String idAndSecret) {
        if (idAndSecret.startsWith("vgl_")) {
            return accounts.authenticateToken(idAndSecret);
        }
        int colon = idAndSecret.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return accounts.authenticateApiKey(idAndSecret.substring(0, colon), idAndSecret.substring(colon + 1));
    }

    private static String scheme(String header) {
        int space = header.strip().indexOf(' ');
        String scheme = space < 0 ? header.strip() : header.strip().substring(0, space);
        return scheme.length() > 20 ? scheme.substring(0, 20) : scheme;
    }

    private static Optional<String> decode(String base64) {
        try {
            return Optional.of(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
