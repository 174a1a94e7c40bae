package io.vigil.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Line splitting; the property over random texts and read sizes is in {@link LineReaderPropertiesTest}. */
class LineReaderTest {
    @Test
    void splitsLinesLongerThanTheReadBufferAndDropsCarriageReturns() throws IOException {
        String longLine = "x".repeat(200_000);
        List<String> lines = read(("a\r\n\n" + longLine + "\r\nlast").getBytes(StandardCharsets.UTF_8), 70_000);
        assertThat(lines).containsExactly("a", "", longLine, "last");
    }

    /** Reads through a stream that hands out at most {@code chunk} bytes per read, as sockets do. */
    static List<String> read(byte[] body, int chunk) throws IOException {
        InputStream in = new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        LineReader reader = new LineReader(in);
        List<String> out = new ArrayList<>();
        for (byte[] line; (line = reader.next()) != null; ) out.add(new String(line, StandardCharsets.ISO_8859_1));
        return out;
    }
}
