package io.vigil.access;

import io.vigil.meta.MetaDatabase;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Users and API tokens: creation, the first admin, and authentication of passwords and tokens.
 *
 * <p>{@link #authenticate(String, String)} accepts either the user's password or one of the user's API
 * tokens as the secret (so shippers can put a token in Basic auth). Successful password checks are cached
 * for 60 s ({@link VerifiedPasswordCache}) because shippers send Basic auth on every {@code _bulk} request
 * and an Argon2id check costs ~250 ms; a disabled user or a changed password takes effect at once since the
 * user row is read on every call. Unknown users still pay one Argon2 hash so timing does not reveal names.
 * Thread-safe.
 */
public final class Accounts {
    public static final String ADMIN_USER = "admin";
    static final int GENERATED_PASSWORD_LENGTH = 20;
    private static final Duration TOKEN_TOUCH_INTERVAL = Duration.ofSeconds(60);

    private final UserTable users;
    private final TokenTable tokens;
    private final Clock clock;
    private final SecureRandom random;
    private final Argon2idHasher hasher;
    private final VerifiedPasswordCache cache;
    private final LoginThrottle throttle;
    private volatile String decoyHash;

    public Accounts(MetaDatabase db, Clock clock) {
        this(db, clock, LockoutPolicy.DEFAULTS);
    }

    public Accounts(MetaDatabase db, Clock clock, LockoutPolicy lockout) {
        this(db, clock, new SecureRandom(), lockout);
    }

    Accounts(MetaDatabase db, Clock clock, SecureRandom random) {
        this(db, clock, random, LockoutPolicy.DEFAULTS);
    }

    Accounts(MetaDatabase db, Clock clock, SecureRandom random, LockoutPolicy lockout) {
        this.throttle = new LoginThrottle(db, clock, lockout);
        this.users = new UserTable(db);
        this.tokens = new TokenTable(db);
        this.clock = clock;
        this.random = random;
        this.hasher = new Argon2idHasher(random);
        this.cache = new VerifiedPasswordCache(clock, random);
    }

    /**
     * Creates the {@code admin} user if there is no user at all. With a password (VIGIL_ADMIN_PASSWORD) it
     * must pass the policy; without, a random 20-character password is generated and returned so the caller
     * can print it once. Returns empty when nothing was generated (users existed, or a password was given).
     */
    public Optional<String> bootstrapAdmin(String passwordOrNull) {
        if (passwordOrNull != null) {
            PasswordPolicy.check(ADMIN_USER, passwordOrNull, "VIGIL_ADMIN_PASSWORD");
        }
        if (!users.isEmpty()) {
            return Optional.empty();
        }
        String password = passwordOrNull != null ? passwordOrNull
                : PasswordPolicy.generate(random, GENERATED_PASSWORD_LENGTH);
        if (!users.insert(ADMIN_USER, hasher.hash(password), Role.ADMIN, clock.instant())) {
            return Optional.empty();
        }
        return passwordOrNull == null ? Optional.of(password) : Optional.empty();
    }

    /** Creates a user; throws {@link IllegalArgumentException} for a weak password or a taken name. */
    public User createUser(String name, String password, Role role) {
        checkName(name, "user name");
        PasswordPolicy.check(name, password, "password for " + name);
        Instant now = clock.instant();
        if (!users.insert(name, hasher.hash(password), Objects.requireNonNull(role, "role"), now)) {
            throw new IllegalArgumentException("user '" + name + "' already exists");
        }
        return new User(name, role, false, now, null);
    }

    public void changePassword(String name, String newPassword) {
        PasswordPolicy.check(name, newPassword, "password for " + name);
        requireUser(name);
        users.setPasswordHash(name, hasher.hash(newPassword));
    }

    public void setDisabled(String name, boolean disabled) {
        requireUser(name);
        users.setDisabled(name, disabled);
    }

    public Optional<User> user(String name) {
        return users.find(name).map(UserTable.Row::user);
    }

    /** The principal of an enabled user (for a session that was established earlier). */
    public Optional<Principal> principalOf(String name) {
        return users.find(name).map(UserTable.Row::user).filter(u -> !u.disabled())
                .map(u -> new Principal(u.name(), u.role(), Set.of(), null));
    }

    /** Checks a password, or an API token owned by {@code name}; empty when either is wrong or the user is disabled. */
    public Optional<Principal> authenticate(String name, String secret) {
        if (name == null || secret == null) {
            return Optional.empty();
        }
        if (TokenString.looksLikeToken(secret)) {
            return authenticateToken(secret).filter(p -> p.user().equals(name));
        }
        Optional<UserTable.Row> row = users.find(name);
        if (row.isEmpty()) {
            hasher.verify(secret, decoyHash());
            return Optional.empty();
        }
        User user = row.get().user();
        String stored = row.get().passwordHash();
        if (!cache.isFresh(name, secret, stored)) {
            if (!hasher.verify(secret, stored)) {
                return Optional.empty();
            }
            cache.remember(name, secret, stored);
            users.recordLogin(name, clock.instant());
        }
        return user.disabled() ? Optional.empty() : Optional.of(new Principal(name, user.role(), Set.of(), null));
    }

    /**
     * A throttled login: refused while the user name or {@code address} is locked; a failure counts against
     * both and may lock them ({@link LoginThrottle}); a success clears the user's count.
     */
    public LoginOutcome login(String name, String secret, String address) {
        Optional<Lockout> lock = throttle.lockFor(name, address);
        if (lock.isPresent()) {
            return new LoginOutcome.Locked(lock.get());
        }
        Optional<Principal> principal = authenticate(name, secret);
        if (principal.isPresent()) {
            throttle.recordSuccess(name);
            return new LoginOutcome.Success(principal.get());
        }
        return throttle.recordFailure(name, address).<LoginOutcome>map(LoginOutcome.Locked::new)
                .orElseGet(LoginOutcome.Rejected::new);
    }

    /** The failed-login throttle (for lifting a lock by hand). */
    public LoginThrottle throttle() {
        return throttle;
    }

    /** Every user, by name. */
    public List<User> users() {
        return users.all();
    }

    /** Checks a full {@code vgl_<id>_<secret>} token. */
    public Optional<Principal> authenticateToken(String token) {
        return TokenString.parse(token).flatMap(this::verifyToken);
    }

    /** Checks the Elasticsearch api_key form: the token id and its secret given separately. */
    public Optional<Principal> authenticateApiKey(String id, String secret) {
        return TokenString.of(id, secret).flatMap(this::verifyToken);
    }

    private Optional<Principal> verifyToken(TokenString presented) {
        Optional<TokenTable.Row> row = tokens.find(presented.id());
        byte[] actual = presented.secretSha256();
        if (row.isEmpty() || !MessageDigest.isEqual(actual, row.get().secretSha256()) || row.get().token().revoked()) {
            return Optional.empty();
        }
        ApiToken token = row.get().token();
        if (principalOf(token.owner()).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(TOKEN_TOUCH_INTERVAL).isBefore(now)) {
            tokens.touch(token.id(), now);
        }
        return Optional.of(new Principal(token.owner(), token.role(), token.capabilities(), token.id()));
    }

    /** Issues a token for {@code owner}; the returned secret is the only copy. */
    public IssuedToken createToken(String owner, String name, Role role, Set<Capability> capabilities) {
        checkName(name, "token name");
        requireUser(owner);
        TokenString secret = TokenString.generate(random);
        ApiToken token = new ApiToken(secret.id(), name, Objects.requireNonNull(role, "role"), capabilities, owner,
                clock.instant(), null, false);
        tokens.insert(token, secret.secretSha256());
        return new IssuedToken(token, secret.format());
    }

    public List<ApiToken> tokens() {
        return tokens.all();
    }

    /** Revokes a token; false when no token has that id. */
    public boolean revokeToken(String id) {
        return tokens.revoke(id);
    }

    private void requireUser(String name) {
        if (users.find(name).isEmpty()) {
            throw new IllegalArgumentException("no user '" + name + "'");
        }
    }

    private static void checkName(String name, String what) {
        if (name == null || name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be 1-100 printable characters, got '" + name + "'");
        }
    }

    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hasher.hash(PasswordPolicy.generate(random, GENERATED_PASSWORD_LENGTH));
            decoyHash = decoy;
        }
        return decoy;
    }
}
