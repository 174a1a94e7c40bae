package io.vigil.parse;

import io.vigil.event.EcsFields;
import io.vigil.parse.json.JsonNormalizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "message decoders" step for JSON documents that carry a raw log line in {@code message}, as Filebeat
 * and Vigil's demo generator send them ({@code {"message": "<access line>", "event": {"dataset":
 * "apache.access"}}}). The decoder is chosen by {@code event.dataset}, else by {@code event.module}, else
 * by detection over {@link #detectionOrder}; its fields are added to the document's.
 *
 * <p>Merge rule: the document's own fields win (its {@code @timestamp}, {@code host.name}, dataset...); a
 * decoded {@code message} (a syslog line's text after the header) replaces the line, which is kept in
 * {@code event.original}. When the dataset names a decoder that cannot read the message, the document is
 * kept as it is, tagged {@link #MESSAGE_FAILURE_TAG} with the reason in {@code error.message}; a failed
 * detection changes nothing. Thread-safe when its decoders are.
 */
public final class MessageDecoders implements JsonNormalizer {
    public static final String MESSAGE_FAILURE_TAG = "_message_parse_failure";

    private final Map<String, Decoder> byDatasetOrModule;
    private final List<Decoder> detectionOrder;

    /**
     * @param byDatasetOrModule {@code event.dataset} or {@code event.module} value → decoder for the message
     * @param detectionOrder    decoders tried when neither names one
     */
    public MessageDecoders(Map<String, Decoder> byDatasetOrModule, List<Decoder> detectionOrder) {
        this.byDatasetOrModule = Map.copyOf(byDatasetOrModule);
        this.detectionOrder = List.copyOf(detectionOrder);
    }

    @Override
    public Map<String, Object> normalize(Map<String, Object> flat) {
        if (!(flat.get(EcsFields.MESSAGE) instanceof String message) || message.isBlank()) return null;
        Decoder named = named(flat);
        byte[] line = message.getBytes(StandardCharsets.UTF_8);
        if (named != null) {
            return switch (named.decode(line)) {
                case DecodeResult.Decoded d -> merge(flat, d.fields(), message);
                case DecodeResult.Failed f -> failed(flat, named.name(), f.reason());
                case DecodeResult.NotMine n -> failed(flat, named.name(), "is not in the " + named.name() + " format");
            };
        }
        if (flat.containsKey(EcsFields.EVENT_DATASET)) return null;
        for (Decoder d : detectionOrder) {
            if (d.decode(line) instanceof DecodeResult.Decoded decoded) return merge(flat, decoded.fields(), message);
        }
        return null;
    }

    private Decoder named(Map<String, Object> flat) {
        Decoder d = flat.get(EcsFields.EVENT_DATASET) instanceof String ds ? byDatasetOrModule.get(ds) : null;
        if (d == null && flat.get(EcsFields.EVENT_MODULE) instanceof String module) d = byDatasetOrModule.get(module);
        return d;
    }

    private static Map<String, Object> merge(Map<String, Object> flat, Map<String, Object> decoded, String message) {
        Map<String, Object> out = new LinkedHashMap<>(flat);
        decoded.forEach((k, v) -> {
            if (EcsFields.MESSAGE.equals(k)) {
                out.put(EcsFields.MESSAGE, v);
                out.putIfAbsent(EcsFields.EVENT_ORIGINAL, message);
            } else {
                out.putIfAbsent(k, v);
            }
        });
        return out;
    }

    private static Map<String, Object> failed(Map<String, Object> flat, String decoder, String reason) {
        Map<String, Object> out = new LinkedHashMap<>(flat);
        List<Object> tags = new ArrayList<>();
        if (out.get(EcsFields.TAGS) instanceof List<?> existing) tags.addAll(existing);
        else if (out.get(EcsFields.TAGS) != null) tags.add(out.get(EcsFields.TAGS));
        tags.add(MESSAGE_FAILURE_TAG);
        out.put(EcsFields.TAGS, tags);
        out.putIfAbsent(EcsFields.ERROR_MESSAGE, "message " + reason + " (decoder " + decoder + ")");
        return out;
    }
}
