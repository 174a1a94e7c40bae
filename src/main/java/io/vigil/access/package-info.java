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
 * never the password) because shippers send Basic auth on every request. Thread-safe throughout.
 */
package io.vigil.access;
