package io.vigil.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.detect.Detection;
import io.vigil.detect.RetroHunt;
import io.vigil.detect.RuleSet;
import io.vigil.detect.correlate.CorrelationLimits;
import io.vigil.event.Event;
import io.vigil.store.EventStore;
import io.vigil.store.SearchRequest;
import io.vigil.store.SearchResult;
import io.vigil.store.StoreQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Retro-hunt: a rule set, correlations included, over every stored event of a time range, oldest first (so
 * correlation windows see time advance as it did), paged with {@code search_after} so the whole range is
 * covered whatever its size, with one page in memory at a time. Used by {@code POST /api/hunt} and by
 * {@code vigil hunt --data}. Stateless; thread-safe as the store is.
 */
public final class HistoryHunt {

    static final int PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<SearchRequest.SortField> OLDEST_FIRST = List.of(new SearchRequest.SortField("@timestamp", false));

    private final EventStore store;

    public HistoryHunt(EventStore store) {
        this.store = store;
    }

    /**
     * Streams every detection in [{@code from}, {@code to}) (epoch millis) to {@code sink}.
     *
     * @return how many stored events were evaluated
     */
    public long run(List<RuleSet> rules, long from, long to, Consumer<Detection> sink) {
        return RetroHunt.run(rules, new Pages(from, to), CorrelationLimits.DEFAULT, sink);
    }

    /**
     * A detection as one JSON object, the fields of {@code vigil hunt FILE}'s JSON lines with the stored
     * event's {@code event_id} and {@code @timestamp} instead of file and index.
     */
    public static ObjectNode json(Detection d) {
        String time = Instant.ofEpochMilli(d.time()).toString();
        ObjectNode o = DetectionJson.common(d);
        o.put("event_id", d.eventIds().getLast()).put("@timestamp", time);
        if (d.isCorrelation()) {
            ObjectNode corr = DetectionJson.correlation(o, d, time);
            ArrayNode ids = corr.putArray("event_ids");
            d.eventIds().forEach(ids::add);
        }
        return o;
    }

    /** The events of the range, one store page fetched whenever the previous one is used up. */
    private final class Pages implements Iterator<Event> {
        private final long from;
        private final long to;
        private List<SearchResult.Hit> page = List.of();
        private int next;
        private List<Object> after = List.of();
        private boolean last;

        Pages(long from, long to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public boolean hasNext() {
            if (next < page.size()) return true;
            if (last) return false;
            try {
                page = store.search(new SearchRequest(new StoreQuery.MatchAll(), from, to, PAGE, OLDEST_FIRST, after, Map.of())).hits();
            } catch (IOException e) {
                throw new UncheckedIOException("retro-hunt: reading stored events failed", e);
            }
            next = 0;
            last = page.size() < PAGE;
            if (!page.isEmpty()) after = page.getLast().sortValues();
            return !page.isEmpty();
        }

        @Override
        public Event next() {
            if (!hasNext()) throw new NoSuchElementException();
            return page.get(next++).event();
        }
    }
}
