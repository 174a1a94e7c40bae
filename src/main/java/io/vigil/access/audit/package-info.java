/**
 * The audit log: an append-only, hash-chained record of every login, search, export and change, which
 * admins can search ({@code GET /api/audit}) and anyone with the data directory can check
 * ({@code vigil audit verify}).
 *
 * <p>Read {@link io.vigil.access.audit.AuditLog} first (the API other stages' wiring calls), then
 * {@link io.vigil.access.audit.AuditChain} (the line format and the hash rule) and
 * {@link io.vigil.access.audit.AuditVerifier}. {@link io.vigil.access.audit.FileAuditLog} keeps it in
 * {@code <data>/audit/audit.jsonl}.
 *
 * <p>Invariants: records are only appended, each fsynced before {@code record} returns; seq runs 1, 2, 3...;
 * each hash covers the previous hash and the record's canonical content, so any edit, deletion or
 * reordering is detected at the first affected record. Truncation of the tail is not detectable by the
 * chain alone: the verifier prints the head hash so it can be kept elsewhere. Thread-safe.
 */
package io.vigil.access.audit;
