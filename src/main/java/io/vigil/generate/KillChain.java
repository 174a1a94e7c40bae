package io.vigil.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A ransomware attack on the fictional postal company, as a timed list of event batches to replay against a
 * running Vigil next to its normal traffic: a phishing attachment on the branch terminal server
 * ({@link #ENTRY}), RDP brute force of {@code adm.ops} from the internet, LSASS dumping, PsExec to two
 * servers ({@link #TARGETS}), Defender switched off, services stopped, shadow copies and backups deleted,
 * then the encryption burst with ransom notes on both servers, and the logs cleared.
 *
 * <p>Every event is generated (no public log set has the encryption phase) and marked {@code labels.synthetic}
 * and {@code tags: [synthetic]}. Host and account names stay outside those the {@link EventGenerator} invents,
 * so the attack is one story: every alert shares a host or the account {@code adm.ops} with an earlier one,
 * which is how Vigil's incidents group alerts. Immutable; {@link #plan} is a pure function of its arguments.
 */
public final class KillChain {
    public static final String ENTRY = "br-ts103";
    public static final List<String> TARGETS = List.of("sort-db102", "hq-fs101");
    public static final String ATTACKER_IP = "203.0.113.66";
    public static final String SCENARIO = "ransomware-kill-chain";
    /** Phase names, in order; {@link Step#phase()} is one of them. */
    public static final List<String> PHASES = List.of("phishing", "rdp-brute-force", "credential-dumping",
            "lateral-movement", "defense-evasion", "service-stop", "shadow-copy-deletion", "encryption", "log-clearing");

    static final String VICTIM = "POST\\lena.fischer";
    static final String ADMIN = "POST\\adm.ops";
    static final String ENTRY_IP = "10.3.0.15";
    static final String ENCRYPTOR = "C:\\ProgramData\\svcupd\\svcupd.exe";
    /** Renames per target per encryption step, and encryption steps. */
    static final int RENAMES_PER_STEP = 50;
    static final int ENCRYPTION_STEPS = 8;
    static final long ENCRYPTION_STEP_MILLIS = 500;

    /** One batch to send at {@code atMillis} (epoch millis); its events carry times from that instant on. */
    public record Step(long atMillis, String phase, List<String> events) {
        public Step {
            Objects.requireNonNull(phase, "phase");
            events = List.copyOf(events);
            if (!PHASES.contains(phase)) throw new IllegalArgumentException("unknown phase " + phase + "; expected one of " + PHASES);
        }
    }

    private KillChain() {}

    /**
     * The attack's steps, the first at {@code startMillis}, phases {@code gapMillis} apart; the encryption
     * phase sends {@value #RENAMES_PER_STEP} renames per server every {@value #ENCRYPTION_STEP_MILLIS} ms.
     */
    public static List<Step> plan(long startMillis, long gapMillis) {
        if (gapMillis < 0) throw new IllegalArgumentException("gapMillis must be >= 0, got " + gapMillis);
        WindowsEvents w = new WindowsEvents(SCENARIO);
        KillChainPhases p = new KillChainPhases(w);
        List<Step> steps = new ArrayList<>();
        long t = startMillis;
        steps.add(new Step(t, "phishing", p.phishing(t)));
        steps.add(new Step(t += gapMillis, "rdp-brute-force", p.rdpBruteForce(t)));
        steps.add(new Step(t += gapMillis, "credential-dumping", p.credentialDumping(t)));
        steps.add(new Step(t += gapMillis, "lateral-movement", p.lateralMovement(t)));
        steps.add(new Step(t += gapMillis, "defense-evasion", p.defenseEvasion(t)));
        steps.add(new Step(t += gapMillis, "service-stop", p.serviceStop(t)));
        steps.add(new Step(t += gapMillis, "shadow-copy-deletion", p.shadowCopyDeletion(t)));
        t += gapMillis;
        for (int i = 0; i < ENCRYPTION_STEPS; i++, t += ENCRYPTION_STEP_MILLIS) {
            steps.add(new Step(t, "encryption", p.encryption(t, i)));
        }
        steps.add(new Step(t + gapMillis, "log-clearing", p.logClearing(t + gapMillis)));
        return List.copyOf(steps);
    }
}
