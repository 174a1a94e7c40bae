package io.vigil.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the decoder for a line: the one configured for the batch's index or source name when there is one,
 * otherwise each decoder in detection order until one understands the line.
 *
 * <p>In detection, a {@link DecodeResult.Failed} from an earlier decoder does not stop later ones (a
 * line starting with '{' may still be valid syslog text), but when nobody decodes the line the first
 * failure's reason is the one reported, since it came from the decoder that recognised the format.
 *
 * <p>Immutable and thread-safe when its decoders are.
 */
public final class DecoderChain {
    private final List<Decoder> detectionOrder;
    private final Map<String, Decoder> byName = new LinkedHashMap<>();
    private final Map<String, Decoder> bySource = new LinkedHashMap<>();

    /**
     * @param detectionOrder  the decoders to try, most specific first
     * @param configuredOnly  decoders picked only by configuration, never by detection (e.g. {@code nginx},
     *                        whose lines look exactly like Apache's)
     * @param decoderBySource index or source name → decoder name; a configured source never falls back to
     *                        detection
     * @throws IllegalArgumentException listing every unknown decoder name at once
     */
    public DecoderChain(List<Decoder> detectionOrder, List<Decoder> configuredOnly, Map<String, String> decoderBySource) {
        this.detectionOrder = List.copyOf(detectionOrder);
        for (Decoder d : this.detectionOrder) byName.put(d.name(), d);
        for (Decoder d : configuredOnly) byName.putIfAbsent(d.name(), d);
        List<String> problems = new ArrayList<>();
        decoderBySource.forEach((source, name) -> {
            Decoder d = byName.get(name);
            if (d == null) problems.add("parse.decoders." + source + ": unknown decoder '" + name + "'");
            else bySource.put(source, d);
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems) + " (known: " + byName.keySet() + ")");
        }
    }

    public DecoderChain(List<Decoder> detectionOrder, Map<String, String> decoderBySource) {
        this(detectionOrder, List.of(), decoderBySource);
    }

    public DecoderChain(List<Decoder> detectionOrder) {
        this(detectionOrder, List.of(), Map.of());
    }

    /** The decoder names this chain knows: detection order, then the configured-only ones. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * Decodes a line from the batch with this index and source name.
     *
     * @return {@link DecodeResult.Decoded} or {@link DecodeResult.Failed}, never NotMine
     */
    public DecodeResult decode(String index, String source, byte[] line) {
        return decode(new LineOrigin(index, source, ""), line);
    }

    /**
     * Decodes a line from this origin.
     *
     * @return {@link DecodeResult.Decoded} or {@link DecodeResult.Failed}, never NotMine
     */
    public DecodeResult decode(LineOrigin origin, byte[] line) {
        return decodeAndName(origin, line).result();
    }

    /** What decoded a line: the result, and the decoder that produced it (null when none did). */
    public record Outcome(DecodeResult result, Decoder decoder) {}

    /** Like {@link #decode(LineOrigin, byte[])}, also naming the decoder that understood the line. */
    public Outcome decodeAndName(LineOrigin origin, byte[] line) {
        String index = origin.index();
        String source = origin.source();
        Decoder configured = configuredFor(index, source);
        if (configured != null) {
            DecodeResult result = configured.decode(origin, line);
            return result instanceof DecodeResult.NotMine
                    ? new Outcome(new DecodeResult.Failed("is not in the " + configured.name() + " format configured for '"
                            + (bySource.containsKey(index) ? index : source) + "'"), null)
                    : new Outcome(result, result instanceof DecodeResult.Decoded ? configured : null);
        }
        DecodeResult.Failed firstFailure = null;
        for (Decoder d : detectionOrder) {
            switch (d.decode(origin, line)) {
                case DecodeResult.Decoded decoded -> { return new Outcome(decoded, d); }
                case DecodeResult.Failed failed -> { if (firstFailure == null) firstFailure = failed; }
                case DecodeResult.NotMine ignored -> { }
            }
        }
        return new Outcome(firstFailure != null ? firstFailure
                : new DecodeResult.Failed("is in no known format (tried " + byName.keySet() + ")"), null);
    }

    /** The decoder configuration or detection knows by this name. */
    public java.util.Optional<Decoder> named(String name) {
        return java.util.Optional.ofNullable(byName.get(name));
    }

    private Decoder configuredFor(String index, String source) {
        if (bySource.isEmpty()) return null;
        Decoder d = index.isEmpty() ? null : bySource.get(index);
        return d != null ? d : bySource.get(source);
    }
}
