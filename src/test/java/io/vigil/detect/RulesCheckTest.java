package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCheckTest {

    @TempDir
    Path dir;

    private String run(RulesCheck.Format format, int expectedStatus) throws Exception {
        Files.writeString(dir.resolve("good.yml"), Rules.processRule("sel:\n  Image: x\ncondition: sel"));
        Files.writeString(dir.resolve("bad.yml"), Rules.processRule("sel:\n  Image|re: '(?=x)'\ncondition: sel"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new RulesCheck(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(List.of(dir), format);
        assertThat(status).isEqualTo(expectedStatus);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsCountsAndEachRejectionWithFileAndLine() throws Exception {
        String text = run(RulesCheck.Format.TEXT, 1);
        assertThat(text).contains(dir.resolve("bad.yml") + ":8: field 'Image': regular expression not supported by RE2");
        assertThat(text).contains("2 files: 1 rules loaded, 0 correlations, 1 rejected");
    }

    @Test
    void printsTheSameReportAsJson() throws Exception {
        JsonNode json = new ObjectMapper().readTree(run(RulesCheck.Format.JSON, 1));
        assertThat(json.path("loaded").asInt()).isEqualTo(1);
        assertThat(json.path("rejected").asInt()).isEqualTo(1);
        assertThat(json.path("rejections").path(0).path("line").asInt()).isEqualTo(8);
        assertThat(json.path("rejections").path(0).path("file").asText()).endsWith("bad.yml");
    }
}
