package io.vigil.web;

import io.vigil.testkit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.access.LockoutPolicy;
import io.vigil.access.audit.AuditQuery;
import io.vigil.access.audit.AuditRecord;
import io.vigil.access.audit.AuditVerifier;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionSecurityTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final LockoutPolicy LOCKOUT = new LockoutPolicy(3, 5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));
    SecureWebFixture web;

    @BeforeEach
    void start() throws Exception {
        web = new SecureWebFixture(clock, LOCKOUT, Transport.PLAIN_LOOPBACK_ONLY, HttpClient.newHttpClient());
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void cookieRequestsThatChangeStateNeedTheCsrfTokenButBasicDoesNot() throws Exception {
        HttpResponse<String> login = web.login("admin", SecureWebFixture.ADMIN_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = SecureWebFixture.cookie(login);
        String csrf = json(login).get("csrf_token").asText();
        assertThat(csrf).hasSizeGreaterThan(40);
        String body = "{\"name\":\"vera\",\"password\":\"vera's own passphrase\",\"role\":\"viewer\"}";

        HttpResponse<String> without = web.postJson("/api/users", body, "Cookie", cookie);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(json(without).get("error").asText()).contains("X-CSRF-Token");
        assertThat(web.postJson("/api/users", body, "Cookie", cookie, "X-CSRF-Token", "forged").statusCode()).isEqualTo(403);
        assertThat(web.accounts.user("vera")).isEmpty();

        HttpResponse<String> me = web.get("/api/me", "Cookie", cookie);
        assertThat(me.statusCode()).as("GET needs no token").isEqualTo(200);
        assertThat(json(me).get("csrf_token").asText()).isEqualTo(csrf);
        assertThat(web.postJson("/api/users", body, "Cookie", cookie, "X-CSRF-Token", csrf).statusCode()).isEqualTo(201);

        String basic = WebFixture.basic("admin", SecureWebFixture.ADMIN_PASSWORD);
        HttpResponse<String> viaBasic = web.postJson("/api/users",
                "{\"name\":\"walt\",\"password\":\"walt's own passphrase\",\"role\":\"viewer\"}", "Authorization", basic);
        assertThat(viaBasic.statusCode()).isEqualTo(201);

        assertThat(web.postJson("/api/logout", "", "Cookie", cookie).statusCode()).as("logout needs the token").isEqualTo(403);
        assertThat(web.postJson("/api/logout", "", "Cookie", cookie, "X-CSRF-Token", csrf).statusCode()).isEqualTo(200);
        assertThat(web.get("/api/me", "Cookie", cookie).statusCode()).as("session ended server-side").isEqualTo(401);
    }

    @Test
    void sessionEndsAfterThirtyIdleMinutes() throws Exception {
        String cookie = SecureWebFixture.cookie(web.login("ana", SecureWebFixture.ANALYST_PASSWORD));
        clock.advance(Duration.ofMinutes(29));
        assertThat(web.get("/api/me", "Cookie", cookie).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(29));
        assertThat(web.get("/api/me", "Cookie", cookie).statusCode()).as("idle clock restarts on use").isEqualTo(200);
        clock.advance(Duration.ofMinutes(30));
        assertThat(web.get("/api/me", "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void sessionEndsTwelveHoursAfterLoginHoweverActive() throws Exception {
        HttpResponse<String> login = web.login("ana", SecureWebFixture.ANALYST_PASSWORD);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Strict")
                .doesNotContain("Secure");
        String cookie = SecureWebFixture.cookie(login);
        for (int i = 0; i < 47; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertThat(web.get("/api/me", "Cookie", cookie).statusCode()).as("after %d min", (i + 1) * 15).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(web.get("/api/me", "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void consoleLoginLocksTheUserAfterRepeatedFailuresWith429() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(web.login("ana", "not the password " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> third = web.login("ana", "not the password 3");
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(json(third).get("error").asText()).contains("too many failed logins for this user name");
        assertThat(third.headers().firstValue("Retry-After")).contains("900");
        assertThat(web.login("ana", SecureWebFixture.ANALYST_PASSWORD).statusCode()).as("right password, still locked")
                .isEqualTo(429);
        String basic = WebFixture.basic("ana", SecureWebFixture.ANALYST_PASSWORD);
        assertThat(web.get("/api/me", "Authorization", basic).statusCode()).as("Basic is locked too").isEqualTo(429);
        clock.advance(Duration.ofMinutes(16));
        assertThat(web.login("ana", SecureWebFixture.ANALYST_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(web.audit.search(new AuditQuery(null, "auth.lockout", null, null, 100))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(web.audit.search(new AuditQuery(null, "auth.login.failed", null, null, 100))).hasSize(2);
    }

    @Test
    void basicAuthFailuresFromOneAddressLockThatAddressAcrossUserNames() throws Exception {
        for (String name : new String[] {"u1", "u2", "u3", "u4"}) {
            assertThat(web.get("/api/me", "Authorization", WebFixture.basic(name, "sprayed password")).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> fifth = web.get("/api/me", "Authorization", WebFixture.basic("u5", "sprayed password"));
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(json(fifth).get("error").asText()).contains("from your address");
        assertThat(web.login("admin", SecureWebFixture.ADMIN_PASSWORD).statusCode()).isEqualTo(429);
    }

    @Test
    void loginsSearchesAndUserChangesAreAuditedAndAdminsCanQueryTheLog() throws Exception {
        web.login("ana", "wrong password here");
        web.login("ana", SecureWebFixture.ANALYST_PASSWORD);
        String admin = WebFixture.basic("admin", SecureWebFixture.ADMIN_PASSWORD);
        web.postJson("/api/users", "{\"name\":\"vera\",\"password\":\"vera's own passphrase\",\"role\":\"viewer\"}",
                "Authorization", admin);
        web.postJson("/api/users/vera/password", "{\"password\":\"vera's newer passphrase\"}", "Authorization", admin);
        web.postJson("/api/users/vera/disable", "", "Authorization", admin);
        web.postJson("/api/search", "{\"query\":\"user.name:bob\"}", "Authorization", admin);

        HttpResponse<String> all = web.get("/api/audit", "Authorization", admin);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(json(all).findValuesAsText("action")).contains("auth.login.failed", "auth.login", "user.create",
                "user.password", "user.disable", "search");
        HttpResponse<String> filtered = web.get("/api/audit?user=admin&action=user&from=2026-03-01T00:00:00Z"
                + "&to=2026-03-02T00:00:00Z", "Authorization", admin);
        assertThat(json(filtered).findValuesAsText("action")).containsExactly("user.disable", "user.password", "user.create");
        assertThat(web.get("/api/audit?from=yesterday", "Authorization", admin).statusCode()).isEqualTo(400);
        HttpResponse<String> byAnalyst = web.get("/api/audit", "Authorization",
                WebFixture.basic("ana", SecureWebFixture.ANALYST_PASSWORD));
        assertThat(byAnalyst.statusCode()).isEqualTo(403);
        AuditRecord search = web.audit.search(new AuditQuery("admin", "search", null, null, 1)).get(0);
        assertThat(search.details()).containsEntry("query", "user.name:bob");
        assertThat(AuditVerifier.verify(web.audit.file()).intact()).isTrue();
        assertThat(web.accounts.user("vera").orElseThrow().disabled()).isTrue();
        assertThat(web.postJson("/api/users", "{\"name\":\"x\",\"password\":\"short\",\"role\":\"viewer\"}",
                "Authorization", admin).body()).contains("at least 12");
    }
}
