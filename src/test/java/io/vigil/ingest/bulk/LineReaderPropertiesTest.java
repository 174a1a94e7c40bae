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

/** jqwik prints the seed of a failing run; rerun with {@code @Property(seed = "...")}. */
class LineReaderPropertiesTest {
    @Property(tries = 300)
    void givesTheSameLinesAsSplittingTheWholeText(@ForAll("lineTexts") String text,
                                                  @ForAll @IntRange(min = 1, max = 100) int chunk) throws IOException {
        List<String> expected = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (expected.getLast().isEmpty()) expected.removeLast();
        expected.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        assertThat(LineReaderTest.read(text.getBytes(StandardCharsets.ISO_8859_1), chunk)).isEqualTo(expected);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> lineTexts() {
        return net.jqwik.api.Arbitraries.strings().withChars("ab\n\r{} ").ofMaxLength(300);
    }

}
