package io.vigil.parse.windows;


import io.vigil.parse.json.JsonNormalizer;
import java.util.Map;

/** Test oracle: the Windows JSON path as it was before the allocation work (commit e9620d3), kept to prove the new one gives identical events.
 *
 * <p>
 * Recognises Windows events among JSON documents (evtx_dump, Winlogbeat, NXLog/OTRF flat, Log Analytics)
 * and replaces their fields with the normalized form; other documents are left to the plain JSON decoder.
 */
public final class LegacyWindowsJsonNormalizer implements JsonNormalizer {
    private final LegacyJsonShapes shapes;
    private final LegacyWindowsNormalizer normalizer = new LegacyWindowsNormalizer();

    public LegacyWindowsJsonNormalizer(LegacyJsonFlattener flattener) {
        this.shapes = new LegacyJsonShapes(new LegacyEmbeddedEventData(flattener, new WindowsXml()));
    }

    @Override
    public Map<String, Object> normalize(Map<String, Object> flat) {
        LegacyWindowsRecord record = shapes.read(flat);
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
    public LegacyWindowsRecord read(Map<String, Object> flat) {
        return shapes.read(flat);
    }
}
