package io.vigil.parse.windows;

import io.vigil.parse.json.FlattenException;

import io.vigil.parse.json.FlattenException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamException;

/** Test oracle: the Windows JSON path as it was before the allocation work (commit e9620d3), kept to prove the new one gives identical events.
 *
 * <p>
 * Unpacks EventData that a shipper stored as a string (Azure Log Analytics keeps it as JSON text or as an
 * {@code <EventData>} XML fragment). Undecodable text is kept whole under {@code EventData}.
 */
final class LegacyEmbeddedEventData {
    private final LegacyJsonFlattener flattener;
    private final WindowsXml xml;

    LegacyEmbeddedEventData(LegacyJsonFlattener flattener, WindowsXml xml) {
        this.flattener = flattener;
        this.xml = xml;
    }

    Map<String, Object> read(String packed) {
        String text = packed.strip();
        try {
            if (text.startsWith("{")) {
                Map<String, Object> out = new LinkedHashMap<>();
                flattener.flatten(text).forEach((k, v) -> out.put(k, LegacyJsonShapes.asText(v)));
                return out;
            }
            if (text.startsWith("<")) return xml.readEventData(text);
        } catch (FlattenException | XMLStreamException | RuntimeException e) {
            return Map.of("EventData", packed);
        }
        return Map.of("EventData", packed);
    }
}
