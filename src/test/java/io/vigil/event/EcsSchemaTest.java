package io.vigil.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EcsSchemaTest {

    @Test
    void knownFieldsHaveTheirEcsTypes() {
        assertThat(EcsSchema.typeOf("@timestamp")).isEqualTo(EcsType.DATE);
        assertThat(EcsSchema.typeOf("message")).isEqualTo(EcsType.TEXT);
        assertThat(EcsSchema.typeOf("event.severity")).isEqualTo(EcsType.LONG);
        assertThat(EcsSchema.typeOf("host.ip")).isEqualTo(EcsType.IP);
        assertThat(EcsSchema.typeOf("winlog.event_id")).isEqualTo(EcsType.KEYWORD);
        assertThat(EcsSchema.typeOf("http.response.status_code")).isEqualTo(EcsType.LONG);
    }

    @Test
    void addressGroupsTypeIpsPortsAndBytes() {
        assertThat(EcsSchema.typeOf("destination.ip")).isEqualTo(EcsType.IP);
        assertThat(EcsSchema.typeOf("client.port")).isEqualTo(EcsType.LONG);
        assertThat(EcsSchema.typeOf("server.bytes")).isEqualTo(EcsType.LONG);
        assertThat(EcsSchema.typeOf("source.domain")).isEqualTo(EcsType.KEYWORD);
    }

    @Test
    void familiesAndUnknownFieldsAreKeywords() {
        assertThat(EcsSchema.typeOf("winlog.event_data.TargetUserName")).isEqualTo(EcsType.KEYWORD);
        assertThat(EcsSchema.typeOf("labels.env")).isEqualTo(EcsType.KEYWORD);
        assertThat(EcsSchema.typeOf("something.vendor_specific")).isEqualTo(EcsType.KEYWORD);
        assertThat(EcsSchema.isKnown("labels.env")).isTrue();
        assertThat(EcsSchema.isKnown("something.vendor_specific")).isFalse();
    }

    @Test
    void aggregatableAndTextCompanionsAreDeclared() {
        assertThat(EcsSchema.isAggregatable("host.name")).isTrue();
        assertThat(EcsSchema.isAggregatable("winlog.event_data.TargetUserName")).isFalse();
        assertThat(EcsSchema.isAlsoText("process.command_line")).isTrue();
        assertThat(EcsSchema.textFieldOf("process.command_line")).isEqualTo("process.command_line.text");
    }
}
