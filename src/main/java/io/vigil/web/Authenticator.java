package io.vigil.web;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.vigil.access.Accounts;
import io.vigil.access.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Finds the caller of a request: {@code Authorization: Basic base64(user:password-or-token)},
 * {@code Authorization: ApiKey <vgl token>} or Elasticsearch's {@code ApiKey base64(id:secret)},
 * {@code Authorization: Bearer <vgl token>}, or the {@code vigil_session} cookie. A present but wrong
 * Authorization header is a 401 even if a valid cookie is also sent (no silent fallback).
 */
final class Authenticator {
    static final String PRINCIPAL = "vigil.principal";
    static final String CHALLENGE = "Basic realm=\"vigil\", charset=\"UTF-8\"";

    private final Accounts accounts;
    private final Sessions sessions;
    private final Counter failures;

    Authenticator(Accounts accounts, Sessions sessions, Counter failures) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.failures = failures;
    }

    /** The caller, remembered on the context; throws a 401 {@link HttpError} when there is none. */
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

    private Optional<Principal> identify(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && !header.isBlank()) {
            return fromHeader(header.strip());
        }
        return sessions.user(ctx.cookie(Sessions.COOKIE)).flatMap(accounts::principalOf);
    }

    private Optional<Principal> fromHeader(String header) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space);
        String value = header.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Basic")) {
            return decode(value).flatMap(this::basic);
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

    private Optional<Principal> basic(String userAndSecret) {
        int colon = userAndSecret.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return accounts.authenticate(userAndSecret.substring(0, colon), userAndSecret.substring(colon + 1));
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

    private static Optional<String> decode(String base64) {
        try {
            return Optional.of(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
