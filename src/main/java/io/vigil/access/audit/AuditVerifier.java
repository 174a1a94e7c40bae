package io.vigil.access.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Re-walks an audit file and checks every link: sequence numbers 1, 2, 3..., each {@code prev} equal to the
 * hash of the record before, and each {@code hash} equal to the recomputed one. The first record that fails
 * is named: an edited record fails its own hash; a deleted one shows as a gap in the sequence; a reordered
 * one as an out-of-order sequence number. Reads only; safe while the server appends.
 */
public final class AuditVerifier {
    private AuditVerifier() {
    }

    public static AuditVerification verify(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new AuditVerification(0, AuditChain.GENESIS, 0, null);
        }
        long expectedSeq = 1;
        String prev = AuditChain.GENESIS;
        long line = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                String problem = check(text, expectedSeq, prev);
                if (problem != null) {
                    return new AuditVerification(expectedSeq - 1, prev, line, problem);
                }
                prev = AuditChain.fromLine(text).hash();
                expectedSeq++;
            }
        }
        return new AuditVerification(expectedSeq - 1, prev, 0, null);
    }

    private static String check(String text, long expectedSeq, String prev) {
        AuditRecord r;
        try {
            r = AuditChain.fromLine(text);
        } catch (IllegalArgumentException e) {
            return "line is not a readable audit record (" + e.getMessage() + ")";
        }
        if (r.seq() != expectedSeq) {
            String why = r.seq() > expectedSeq ? "record(s) " + expectedSeq + ".." + (r.seq() - 1) + " were deleted"
                    : "records were reordered or duplicated";
            return "record seq " + r.seq() + " found where seq " + expectedSeq + " was expected; " + why;
        }
        if (!r.prevHash().equals(prev)) {
            return "record seq " + r.seq() + " links to prev " + r.prevHash() + " but the record before has hash "
                    + prev + "; records were removed, inserted or reordered";
        }
        String actual = AuditChain.hashOf(r);
        if (!actual.equals(r.hash())) {
            return "record seq " + r.seq() + " was edited: its content hashes to " + actual + " vs recorded "
                    + r.hash();
        }
        return null;
    }
}
