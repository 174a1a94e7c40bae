package io.vigil.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityConfigTest {
    @TempDir
    Path dir;

    private static JsonNode yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    @Test
    void securitySectionsHaveSafeDefaults() {
        VigilConfig c = VigilConfig.DEFAULTS;
        assertThat(c.http().tlsWanted()).as("loopback default: plain is fine").isFalse();
        assertThat(c.insecure().allowPlainHttp()).isFalse();
        assertThat(c.auth().lockoutPolicy().userFailures()).isEqualTo(5);
        assertThat(c.auth().lockoutPolicy().lockFor()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.auth().sessionIdleMinutes()).isEqualTo(30);
        assertThat(c.auth().sessionMaxHours()).isEqualTo(12);
        assertThat(c.privacy().maskedFields()).contains("user.name", "user.email", "email.*", "source.user.*");
    }

    @Test
    void nonLoopbackHostTurnsTlsOnAutomaticallyAndRefusesPlainWithoutTheInsecureSwitch() throws Exception {
        assertThat(VigilConfig.parse(yaml("http: { host: 0.0.0.0 }")).http().tlsWanted()).isTrue();
        assertThatThrownBy(() -> VigilConfig.parse(yaml("http: { host: 0.0.0.0, tls: { enabled: false } }")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("allow_plain_http");
        VigilConfig allowed = VigilConfig.parse(yaml("""
                http: { host: 0.0.0.0, tls: { enabled: false } }
                insecure: { allow_plain_http: true }
                """));
        assertThat(allowed.http().tlsWanted()).isFalse();
        assertThat(VigilConfig.parse(yaml("http: { tls: { cert_file: /a.pem, key_file: /b.pem } }")).http().tlsWanted()).isTrue();
    }

    @Test
    void badSecuritySettingsAreListedTogether() throws Exception {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> VigilConfig.parse(yaml("""
                http: { tls: { cert_file: /only-cert.pem } }
                auth: { lockout_failures: 0, session_idle_minutes: 30, session_max_hours: 0 }
                privacy: { masked_fields: [ "user." ] }
                insecure: { allow_plain: true }
                """)));
        assertThat(e.problems()).hasSize(4);
        assertThat(e.getMessage()).contains("cert_file and key_file").contains("lockout_failures")
                .contains("masked_fields").contains("`insecure.allow_plain`");
    }

    @Test
    void secretsComeFromTheEnvironmentOrFiles() throws Exception {
        Path secret = dir.resolve("key-path");
        Files.writeString(secret, "/etc/vigil/key.pem\n");
        JsonNode root = yaml("""
                http:
                  tls: { cert_file: "${env:VIGIL_CERT}", key_file: "${file:%s}" }
                privacy: { masked_fields: [ "cost$${literal}" ] }
                """.formatted(secret));
        JsonNode resolved = SecretResolver.resolve(root, Map.of("VIGIL_CERT", "/etc/vigil/cert.pem")::get);
        VigilConfig c = VigilConfig.parse(resolved);
        assertThat(c.http().tls().certFile()).isEqualTo("/etc/vigil/cert.pem");
        assertThat(c.http().tls().keyFile()).isEqualTo("/etc/vigil/key.pem");
        assertThat(c.privacy().maskedFields()).containsExactly("cost${literal}");
        assertThat(root.at("/http/tls/cert_file").asText()).as("input untouched").isEqualTo("${env:VIGIL_CERT}");
    }

    @Test
    void unresolvableSecretsNameTheKey() throws Exception {
        JsonNode root = yaml("""
                http: { tls: { cert_file: "${env:NOPE}", key_file: "${file:/does/not/exist}" } }
                """);
        assertThatThrownBy(() -> SecretResolver.resolve(root, Map.<String, String>of()::get))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("`http.tls.cert_file`: environment variable NOPE is not set")
                .hasMessageContaining("`http.tls.key_file`: cannot read secret file /does/not/exist");
    }
}
