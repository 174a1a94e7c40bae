/**
 * The embedded metadata database (H2) and its versioned schema migrations.
 *
 * <p>Read {@link io.vigil.meta.MetaDatabase} first. It lives at {@code <dataDir>/meta/vigil} (owner-only
 * files) and holds the small, transactional state next to the event store: users, API tokens, and later
 * rules and cases. Schema changes are numbered scripts {@code src/main/resources/db/migration/V<n>__<name>.sql},
 * applied in order, each in its own transaction, recorded in {@code schema_version} with a SHA-256
 * checksum; a changed or unknown applied script stops startup with a message naming it
 * ({@link io.vigil.meta.SchemaMigrator}).
 *
 * <p>Durability: every commit is in the file when it returns ({@code WRITE_DELAY=0}; H2's background writer let
 * {@code CHECKPOINT SYNC} return before committed rows were written), and {@link io.vigil.meta.MetaDatabase#checkpoint()}
 * fsyncs. A nearly full disk makes writing statements fail with a clear error before H2 meets the full disk, which
 * damages it ({@link io.vigil.meta.DiskSpaceGuard}); reads go on.
 *
 * <p>Invariants: applied scripts are never edited (add a new one); versions are 1..n without gaps.
 * Plain JDBC, no ORM. Thread-safety: {@code MetaDatabase} is safe to share; connections are not.
 */
package io.vigil.meta;
