/**
 * Accounts, API tokens and roles: password hashing (Argon2id), token hashing, and the checks the web
 * layer asks for. Usable offline by the CLI.
 *
 * <p>Read {@link io.vigil.access.Accounts} first; {@link io.vigil.access.Role} defines who may do what
 * (admin ⊇ analyst ⊇ viewer; ingest is separate and send-only). Rows live in the metadata database
 * ({@code io.vigil.meta}).
 *
 * <p>Invariants: passwords are stored only as Argon2id PHC strings ({@code m=19456,t=2,p=1}); token secrets
 * (32 random bytes, shown once as {@code vgl_<id>_<secret>}) only as SHA-256; every comparison of secrets
 * is constant-time. Successful password checks are cached for 60 s in memory (keyed by a salted SHA-256,
 * never the password) because shippers send Basic auth on every request. Passwords must pass
 * {@link io.vigil.access.PasswordPolicy} (12+ characters, not the user name, not a common password).
 * {@link io.vigil.access.Accounts#login} is the throttled entry point: {@link io.vigil.access.LoginThrottle}
 * locks a user name or a source address after repeated failures ({@link io.vigil.access.LockoutPolicy}),
 * in memory and in the {@code login_lockouts} table so a restart keeps the lock. The audit log lives in
 * {@code io.vigil.access.audit}. Thread-safe throughout.
 */
package io.vigil.access;
