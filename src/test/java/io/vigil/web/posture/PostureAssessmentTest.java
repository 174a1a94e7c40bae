package io.vigil.web.posture;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.access.LockoutPolicy;
import io.vigil.access.Role;
import io.vigil.access.User;
import io.vigil.access.audit.AuditVerification;
import io.vigil.web.exposure.Finding;
import io.vigil.web.exposure.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostureAssessmentTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    static PostureFacts facts(PostureFacts.Transport transport, long retention, List<RuleInfo> rules, List<Finding> exposure,
                              List<User> users) {
        return new PostureFacts(transport, new PostureFacts.Auth(LockoutPolicy.DEFAULTS, Duration.ofMinutes(30),
                Duration.ofHours(12), users), retention, rules,
                new PostureFacts.Observed(exposure, new AuditVerification(3, "ab", 0, null)));
    }

    @Test
    void aWeakSetupFailsFirstOnWhatMattersMost() {
        List<User> users = List.of(new User("admin", Role.ADMIN, false, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1))),
                new User("old-contractor", Role.ANALYST, false, NOW.minus(Duration.ofDays(300)), NOW.minus(Duration.ofDays(200))),
                new User("gone", Role.VIEWER, true, NOW.minus(Duration.ofDays(300)), null));
        List<Finding> exposure = List.of(new Finding("http://10.0.0.5:9200", "Elasticsearch", Severity.CRITICAL,
                "index names readable", List.of()));
        List<RuleInfo> rules = List.of(new RuleInfo("r1", "brute force", List.of("credential-access")));
        List<PostureCheck> checks = PostureAssessment.assess(facts(new PostureFacts.Transport("0.0.0.0", false, true), 30,
                rules, exposure, users), NOW);

        assertThat(checks.get(0).status()).isEqualTo(PostureCheck.Status.FAIL);
        assertThat(checks).filteredOn(c -> c.status() == PostureCheck.Status.FAIL).extracting(PostureCheck::area)
                .containsExactlyInAnyOrder("transport", "retention", "exposure http://10.0.0.5:9200");
        PostureCheck retention = checks.stream().filter(c -> c.area().equals("retention")).findFirst().orElseThrow();
        assertThat(retention.finding()).contains("87 days");
        PostureCheck accounts = checks.stream().filter(c -> c.area().equals("accounts")).findFirst().orElseThrow();
        assertThat(accounts.status()).isEqualTo(PostureCheck.Status.WARN);
        assertThat(accounts.finding()).contains("old-contractor").doesNotContain("gone").doesNotContain("admin (");
        PostureCheck coverage = checks.stream().filter(c -> c.area().equals("detection coverage")).findFirst().orElseThrow();
        assertThat(coverage.finding()).contains("credential-access 1").contains("no rule for:").contains("exfiltration");
        assertThat(PostureReport.json(checks, NOW).get("fix_first").get(0).asText()).isNotBlank();
    }

    @Test
    void aSoundSetupPasses() {
        List<RuleInfo> rules = PostureAssessment.TACTICS.stream().map(t -> new RuleInfo(t, t, List.of(t))).toList();
        List<PostureCheck> checks = PostureAssessment.assess(facts(new PostureFacts.Transport("0.0.0.0", true, false), 365,
                rules, List.of(), List.of()), NOW);
        assertThat(checks).allSatisfy(c -> assertThat(c.status()).as(c.area()).isEqualTo(PostureCheck.Status.PASS));
        assertThat(PostureReport.html(checks, NOW)).contains("<table>").contains("transport");
    }
}
