package io.vigil.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

class VigilConfigTest {
    private static JsonNode yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    @Test
    void emptyFileGivesTheDefaults() throws Exception {
        assertThat(VigilConfig.parse(yaml("{}"))).isEqualTo(VigilConfig.DEFAULTS);
    }

    @Test
    void readsNestedSnakeCaseKeys() throws Exception {
        VigilConfig c = VigilConfig.parse(yaml("""
                http: { port: 0, host: 127.0.0.1 }
                store:
                  commit_interval_ms: 2000
                  retention: { max_age_days: 90 }
                detection: { rule_dirs: [ /opt/sigma/rules, ./rules ] }
                """));
        assertThat(c.http().port()).isZero();
        assertThat(c.store().commitIntervalMs()).isEqualTo(2000);
        assertThat(c.store().refreshIntervalMs()).isEqualTo(VigilConfig.DEFAULTS.store().refreshIntervalMs());
        assertThat(c.store().retention().maxAgeDays()).isEqualTo(90);
        assertThat(c.detection().ruleDirs()).containsExactly("/opt/sigma/rules", "./rules");
    }

    @Test
    void listsEveryProblemWithTheKeyPathAndWhatIsExpected() throws Exception {
        assertThatThrownBy(() -> VigilConfig.parse(yaml("""
                http: { prot: 9200, port: "abc" }
                journal: { max_bytes: 10 }
                stor: {}
                """)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactlyInAnyOrder(
                        "`http.prot`: unknown key; expected one of [host, port, max_body_bytes, tls]",
                        "`http.port`: expected a whole number, got text \"abc\"",
                        "`journal`: max_bytes must be at least twice segment_bytes",
                        "`stor`: unknown key; expected one of [http, journal, store, detection, syslog, insecure, auth, privacy, incidents, reports, actions, sources]"));
    }

    @Test
    void rejectsAPortOutOfRange() throws Exception {
        assertThatThrownBy(() -> VigilConfig.parse(yaml("http: { port: 70000 }")))
                .hasMessageContaining("`http`: port 70000 is not 0..65535");
    }
}
