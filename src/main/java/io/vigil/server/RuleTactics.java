package io.vigil.server;

import io.vigil.detect.RuleCatalog;
import io.vigil.web.posture.RuleInfo;
import java.util.List;
import java.util.Locale;

/** ATT&CK tactics of the enabled rules, for the posture report's coverage check. */
final class RuleTactics {
    private static final List<String> TACTICS = List.of("reconnaissance", "resource_development", "initial_access",
            "execution", "persistence", "privilege_escalation", "defense_evasion", "stealth", "defense_impairment",
            "credential_access", "discovery", "lateral_movement", "collection", "command_and_control", "exfiltration",
            "impact");

    private RuleTactics() {}

    static List<RuleInfo> of(RuleCatalog catalog) {
        return catalog.rules().stream().filter(RuleCatalog.RuleInfo::enabled).map(r -> new RuleInfo(r.rule().id(),
                r.rule().title(), r.rule().tags().stream().map(t -> t.toLowerCase(Locale.ROOT))
                        .filter(t -> t.startsWith("attack.")).map(t -> t.substring(7).replace('-', '_'))
                        .filter(TACTICS::contains).toList())).toList();
    }
}
