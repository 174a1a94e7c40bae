package io.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.access.Principal;
import io.vigil.access.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldMaskingTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    final FieldMasking masking = FieldMasking.withDefaults(KEY);

    static final String ANSWER = """
            {"total": 2, "took_ms": 3,
             "hits": [
               {"id": "a", "source": {"user": {"name": "alice", "email": "alice@corp.example"},
                 "source": {"ip": "10.0.0.1", "user": {"name": "root"}},
                 "message": "Failed password for alice from 10.0.0.1; notify bob.smith@corp.example now",
                 "winlog": {"event_data": {"TargetUserName": "Administrator", "LogonType": "3"}},
                 "related": {"user": ["alice", "root"]}}},
               {"id": "b", "source": {"user.name": "alice", "host.name": "web-1", "email.from.address": "x@y.org"}}
             ],
             "aggs": {"by_user": {"buckets": [{"key": "alice", "count": 2}]},
                      "by_host": {"buckets": [{"key": "web-1", "count": 2}]}}}
            """;
    static final String REQUEST = """
            {"query": "*", "aggs": {"by_user": {"terms": {"field": "user.name"}}, "by_host": {"terms": {"field": "host.name"}}}}
            """;

    JsonNode viewerSees() throws Exception {
        return masking.forCaller(new Principal("val", Role.VIEWER, Set.of(), null), JSON.readTree(REQUEST), JSON.readTree(ANSWER));
    }

    @Test
    void viewersSeeStablePseudonymsForPersonalFieldsAndEmails() throws Exception {
        JsonNode seen = viewerSees();
        JsonNode first = seen.at("/hits/0/source");
        String alice = masking.pseudonym("alice");
        assertThat(alice).startsWith("a***#").hasSize(13);
        assertThat(first.at("/user/name").asText()).isEqualTo(alice);
        assertThat(first.at("/user/email").asText()).startsWith("a***#").doesNotContain("corp.example");
        assertThat(first.at("/source/user/name").asText()).isEqualTo(masking.pseudonym("root"));
        assertThat(first.at("/winlog/event_data/TargetUserName").asText()).startsWith("A***#");
        assertThat(first.at("/winlog/event_data/LogonType").asText()).isEqualTo("3");
        assertThat(first.at("/related/user/0").asText()).isEqualTo(alice);
        assertThat(first.at("/message").asText()).doesNotContain("bob.smith@corp.example").contains("b***#")
                .contains("10.0.0.1");
        assertThat(first.at("/source/ip").asText()).isEqualTo("10.0.0.1");
        JsonNode second = seen.at("/hits/1/source");
        assertThat(second.get("user.name").asText()).as("flat dotted key, same pseudonym").isEqualTo(alice);
        assertThat(second.get("email.from.address").asText()).startsWith("x***#");
        assertThat(second.get("host.name").asText()).isEqualTo("web-1");
        assertThat(seen.at("/aggs/by_user/buckets/0/key").asText()).isEqualTo(alice);
        assertThat(seen.at("/aggs/by_host/buckets/0/key").asText()).isEqualTo("web-1");
        assertThat(seen.get("total").asInt()).isEqualTo(2);
        assertThat(seen.toString()).doesNotContain("\"alice\"").doesNotContain("Administrator");
    }

    @Test
    void analystsAndAdminsSeeTheAnswerUnchanged() throws Exception {
        JsonNode answer = JSON.readTree(ANSWER);
        for (Role role : List.of(Role.ANALYST, Role.ADMIN)) {
            assertThat(masking.forCaller(new Principal("x", role, Set.of(), null), JSON.readTree(REQUEST), answer))
                    .isEqualTo(JSON.readTree(ANSWER));
        }
    }

    @Test
    void pseudonymsDependOnTheInstallationKey() {
        FieldMasking other = FieldMasking.withDefaults("another key, 16+ bytes long".getBytes());
        assertThat(other.pseudonym("alice")).isNotEqualTo(masking.pseudonym("alice"));
        assertThat(masking.pseudonym("alice")).isEqualTo(FieldMasking.withDefaults(KEY).pseudonym("alice"));
    }

    @Test
    void installationKeyIsCreatedOwnerOnlyAndReused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) throws Exception {
        byte[] key = FieldMasking.loadOrCreateKey(data);
        assertThat(key).hasSize(32);
        assertThat(FieldMasking.loadOrCreateKey(data)).isEqualTo(key);
        java.nio.file.Path file = data.resolve("secrets").resolve("pseudonym.key");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void configuredFieldListIsValidated() {
        assertThatThrownBy(() -> new FieldMasking(List.of("user."), KEY)).hasMessageContaining("user.");
        FieldMasking custom = new FieldMasking(List.of("customer.id"), KEY);
        assertThat(custom.covers(List.of("hits", "customer", "id"))).isTrue();
        assertThat(custom.covers(List.of("user", "name"))).isFalse();
    }
}
