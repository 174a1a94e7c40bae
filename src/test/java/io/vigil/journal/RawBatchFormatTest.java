package io.vigil.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.event.RawBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RawBatchFormatTest {

    @Test
    void roundTripsABatchWithEmptyUnicodeAndBinaryLines() throws IOException {
        RawBatch batch = new RawBatch("syslog-tcp", "auth", "10.0.0.5:51514", 1_700_000_000_123L, List.of(
                "<34>1 2023-11-14T22:13:20Z host sshd - - - Failed password".getBytes(StandardCharsets.UTF_8),
                new byte[0],
                "Zugriff verweigert für Jürgen ✓".getBytes(StandardCharsets.UTF_8),
                new byte[] {0, (byte) 0xFF, 10, 13}));

        RawBatch back = RawBatchFormat.decode(RawBatchFormat.encode(batch));

        assertThat(back.source()).isEqualTo("syslog-tcp");
        assertThat(back.index()).isEqualTo("auth");
        assertThat(back.sourceAddress()).isEqualTo("10.0.0.5:51514");
        assertThat(back.receivedAt()).isEqualTo(1_700_000_000_123L);
        assertThat(back.lines()).hasSize(4);
        for (int i = 0; i < 4; i++) assertThat(back.lines().get(i)).isEqualTo(batch.lines().get(i));
    }

    @Test
    void rejectsAnUnknownVersionNamingActualAndExpected() {
        byte[] encoded = RawBatchFormat.encode(new RawBatch("http", "", "", 1L, List.of()));
        encoded[0] = 7;
        assertThatThrownBy(() -> RawBatchFormat.decode(encoded))
                .isInstanceOf(IOException.class).hasMessageContaining("actual 7 vs expected 1");
    }

    @Test
    void rejectsATruncatedPayload() {
        byte[] encoded = RawBatchFormat.encode(new RawBatch("http", "i", "a", 1L, List.of(new byte[] {1, 2, 3})));
        assertThatThrownBy(() -> RawBatchFormat.decode(Arrays.copyOf(encoded, encoded.length - 2)))
                .isInstanceOf(IOException.class).hasMessageContaining("actual 1 bytes vs expected 3");
    }

    @Property(tries = 200)
    void anyBatchRoundTrips(@ForAll String source, @ForAll String index, @ForAll long receivedAt,
                            @ForAll List<byte[]> lines) throws IOException {
        RawBatch batch = new RawBatch(source, index, "", receivedAt, lines);
        RawBatch back = RawBatchFormat.decode(RawBatchFormat.encode(batch));
        assertThat(back.source()).isEqualTo(source);
        assertThat(back.index()).isEqualTo(index);
        assertThat(back.receivedAt()).isEqualTo(receivedAt);
        assertThat(back.lines()).hasSameSizeAs(lines);
        for (int i = 0; i < lines.size(); i++) assertThat(back.lines().get(i)).isEqualTo(lines.get(i));
    }
}
