package io.vigil.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.event.Event;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test stand-in for the Windows normalizer: turns evtx_dump JSON ({@code Event.System}, {@code Event.EventData},
 * concatenated objects) into the flat Winlogbeat shape the engine expects.
 */
final class EvtxJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvtxJson() {}

    static List<Event> read(Path file) throws IOException {
        List<Event> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(file.toFile())) {
            int n = 0;
            while (it.hasNext()) out.add(toEvent(it.next(), file.getFileName() + "#" + n++));
        }
        return out;
    }

    static Event toEvent(JsonNode root, String id) {
        JsonNode ev = root.path("Event");
        JsonNode sys = ev.path("System");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("winlog.channel", sys.path("Channel").asText());
        f.put("winlog.event_id", sys.path("EventID").isObject()
                ? sys.path("EventID").path("#text").asText() : sys.path("EventID").asText());
        f.put("event.code", f.get("winlog.event_id"));
        f.put("winlog.provider_name", sys.path("Provider").path("#attributes").path("Name").asText());
        f.put("winlog.computer_name", sys.path("Computer").asText());
        f.put("host.name", sys.path("Computer").asText());
        JsonNode data = ev.path("EventData");
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("#")) continue;
            JsonNode v = e.getValue();
            if (v.isNull()) continue;
            f.put("winlog.event_data." + e.getKey(), v.isNumber() ? (Object) v.asLong() : v.asText());
        }
        return new Event(id, 0L, f);
    }
}
