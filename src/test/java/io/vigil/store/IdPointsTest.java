package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.parse.EventParser;
import java.util.Random;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parser-made event ids have a point; every other id a term (lookups of both: EventStoreConformanceTest). */
class IdPointsTest {

    @Test
    void everyParserMadeIdHasAPointThatGivesTheIdBack() {
        long seed = 20261129L;
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            long position = switch (i % 3) {
                case 0 -> random.nextInt(1000);
                case 1 -> random.nextLong() & Long.MAX_VALUE;
                default -> Long.MAX_VALUE - random.nextInt(10);
            };
            int index = i % 2 == 0 ? random.nextInt(100) : random.nextInt() & Integer.MAX_VALUE;
            String id = EventParser.eventId(position, index);
            byte[] point = IdPoints.encode(id);
            assertThat(point).as("seed %d, id %s", seed, id).isNotNull();
            assertThat(IdPoints.decode(new BytesRef(point))).as("seed %d", seed).isEqualTo(id);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "K-0", "0k-0", "+k-0", "k-+1", "k-01", "k-", "-k", "k-0-1", "k--1", "",
            "1y2p0ij32e8e8-0", "k-zik0zk", "é-0", "k 0"})
    void idsOfAnyOtherFormHaveNoPoint(String id) {
        assertThat(IdPoints.encode(id)).isNull();
    }
}
