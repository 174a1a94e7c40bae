package io.vigil.parse.windows;

import io.vigil.parse.json.JsonFlattener;
import io.vigil.parse.json.JsonNormalizer;
import java.util.Map;

/**
 * Recognises Windows events among JSON documents (evtx_dump, Winlogbeat, NXLog/OTRF flat, Log Analytics)
 * and replaces their fields with the normalized form; other documents are left to the plain JSON decoder.
 */
public final class WindowsJsonNormalizer implements JsonNormalizer {
    private final JsonShapes shapes;
    private final WindowsNormalizer normalizer = new WindowsNormalizer();

    public WindowsJsonNormalizer(JsonFlattener flattener) {
        this.shapes = new JsonShapes(new EmbeddedEventData(flattener, new WindowsXml()));
    }

    @Override
    public Map<String, Object> normalize(Map<String, Object> flat) {
        WindowsRecord record = shapes.read(flat);
        return record == null ? null : normalizer.normalize(record);
    }

    /** The shape-independent record of a flattened document, or null when it is not a Windows event. */
    public WindowsRecord read(Map<String, Object> flat) {
        return shapes.read(flat);
    }
}
