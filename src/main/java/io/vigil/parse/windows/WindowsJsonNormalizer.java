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
        if (record == null) return null;
        Map<String, Object> out = normalizer.normalize(record);
        carryShipperMarks(flat, out);
        return out;
    }

    /**
     * {@code tags} and {@code labels.*} are set by the shipper (Winlogbeat's {@code tags}/{@code fields}, or a
     * generator marking synthetic events), not by Windows: they describe the record and are kept as they came.
     */
    private static void carryShipperMarks(Map<String, Object> flat, Map<String, Object> out) {
        flat.forEach((key, value) -> {
            if (key.equals("tags") || key.startsWith("labels.")) out.putIfAbsent(key, value);
        });
    }

    /** The shape-independent record of a flattened document, or null when it is not a Windows event. */
    public WindowsRecord read(Map<String, Object> flat) {
        return shapes.read(flat);
    }
}
