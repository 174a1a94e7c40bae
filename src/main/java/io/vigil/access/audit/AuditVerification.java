package io.vigil.access.audit;

/**
 * The outcome of checking an audit file's chain.
 *
 * @param records     how many records were read intact before the first break (all of them when intact)
 * @param headHash    the hash of the last intact record (GENESIS for an empty log); note it elsewhere to
 *                    detect later truncation of the tail, which a chain alone cannot see
 * @param brokenLine  the 1-based line of the first broken record, or 0 when intact
 * @param problem     what is wrong with it (edited, deleted or reordered records...), or null when intact
 */
public record AuditVerification(long records, String headHash, long brokenLine, String problem) {
    public boolean intact() {
        return problem == null;
    }

    public String describe() {
        return intact() ? "audit log intact: " + records + " record(s), head hash " + headHash
                : "audit log BROKEN at line " + brokenLine + ": " + problem + " (" + records
                + " record(s) before it are intact)";
    }
}
