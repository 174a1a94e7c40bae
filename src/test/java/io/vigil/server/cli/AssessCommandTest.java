package io.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessCommandTest {
    @TempDir
    Path tmp;

    @Test
    void assessReportsFromTheDataDirectoryAndConfig() throws Exception {
        Path data = tmp.resolve("data");
        CliRun.of("the admin passphrase\n", "user", "add", "admin", "--role", "admin", "--password-stdin", "--data", data.toString());
        Path config = tmp.resolve("vigil.yaml");
        Files.writeString(config, "store: { retention: { max_age_days: 30 } }\n");
        CliRun run = CliRun.of("", "assess", "--data", data.toString(), "--config", config.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.findValuesAsText("area")).contains("transport", "retention", "accounts", "audit log",
                "detection coverage");
        assertThat(report.get("fix_first").toString()).contains("retention").contains("detection coverage");
        assertThat(CliRun.of("", "assess", "--data", data.toString(), "--format", "html").out()).startsWith("<!doctype html>");
    }
}
