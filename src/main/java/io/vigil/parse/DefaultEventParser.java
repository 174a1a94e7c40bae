package io.vigil.parse;

import io.vigil.event.EcsFields;
import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.parse.json.JsonDecoder;
import io.vigil.parse.json.JsonFlattener;
import io.vigil.parse.syslog.SyslogDecoder;
import io.vigil.parse.time.Timestamps;
import io.vigil.parse.windows.WindowsJsonNormalizer;
import io.vigil.parse.windows.WindowsXmlDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parse stage: one {@link StoredEvent} per line of a batch, in order, never an exception for bad data.
 *
 * <p>Each line goes through the {@link DecoderChain}; the decoded fields then get the fields every event
 * carries: {@code @timestamp} (see {@link EventTimestamps}), {@code event.ingested}, and
 * {@code vigil.index} / {@code log.source.address} when the batch has them. A line no decoder understands,
 * an empty line, or one over {@link ParserConfig#maxLineBytes()} becomes a failure event with
 * {@code message}, {@code event.original}, tag {@code _parse_failure} and an {@code error.message} that
 * says which line and why.
 *
 * <p>Thread-safe: it holds only immutable configuration and thread-safe decoders.
 */
public final class DefaultEventParser implements EventParser {
    public static final String TIMESTAMP_FAILURE_TAG = "_timestamp_failure";

    private final DecoderChain chain;
    private final ParserConfig config;
    private final EventTimestamps timestamps;

    public DefaultEventParser(DecoderChain chain, ParserConfig config, Clock clock) {
        this.chain = chain;
        this.config = config;
        this.timestamps = new EventTimestamps(new Timestamps(clock));
    }

    /** The standard decoders (Windows XML, syslog, JSON with Windows normalization) in detection order. */
    public static DefaultEventParser standard(ParserConfig config, Clock clock) {
        return new DefaultEventParser(new DecoderChain(standardDecoders(clock), config.decoderBySource()), config, clock);
    }

    public static List<Decoder> standardDecoders(Clock clock) {
        JsonFlattener flattener = new JsonFlattener();
        return List.of(
                new WindowsXmlDecoder(),
                new SyslogDecoder(clock),
                new JsonDecoder(flattener, List.of(new WindowsJsonNormalizer(flattener))));
    }

    @Override
    public List<StoredEvent> parse(RawBatch batch, long position) {
        List<StoredEvent> out = new ArrayList<>(batch.size());
        List<byte[]> lines = batch.lines();
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            out.add(new StoredEvent(parseLine(batch, line, EventParser.eventId(position, i), i), line));
        }
        return out;
    }

    private Event parseLine(RawBatch batch, byte[] line, String id, int index) {
        DecodeResult result;
        if (line.length > config.maxLineBytes()) {
            result = new DecodeResult.Failed("is " + line.length + " bytes, over the limit of "
                    + config.maxLineBytes() + " bytes (parse.max_line_bytes)");
        } else if (isBlank(line)) {
            result = new DecodeResult.Failed("is empty");
        } else {
            result = decodeSafely(batch, line);
        }
        return switch (result) {
            case DecodeResult.Decoded decoded -> finish(decoded.fields(), batch, id);
            case DecodeResult.Failed failed -> finish(failureFields(line, index, failed.reason()), batch, id);
            case DecodeResult.NotMine ignored -> throw new IllegalStateException("DecoderChain never answers NotMine");
        };
    }

    /** A decoder bug must not lose the line or stop the batch: it becomes a failure event like bad data. */
    private DecodeResult decodeSafely(RawBatch batch, byte[] line) {
        try {
            return chain.decode(batch.index(), batch.source(), line);
        } catch (RuntimeException | StackOverflowError e) {
            return new DecodeResult.Failed("could not be decoded (decoder error: " + e + ")");
        }
    }

    private Map<String, Object> failureFields(byte[] line, int index, String reason) {
        int keep = Math.min(line.length, config.maxLineBytes());
        String text = new String(line, 0, keep, StandardCharsets.UTF_8);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(EcsFields.MESSAGE, text);
        fields.put(EcsFields.EVENT_ORIGINAL, text);
        fields.put(EcsFields.TAGS, new ArrayList<>(List.of(EcsFields.PARSE_FAILURE_TAG)));
        fields.put(EcsFields.ERROR_MESSAGE, "line " + (index + 1) + " " + reason);
        return fields;
    }

    private Event finish(Map<String, Object> fields, RawBatch batch, String id) {
        long timestamp = timestamps.resolve(fields, batch.receivedAt());
        Map<String, Object> out = new LinkedHashMap<>(fields.size() + 6);
        out.put(EcsFields.TIMESTAMP, Timestamps.format(timestamp));
        out.putAll(fields);
        out.put(EcsFields.EVENT_INGESTED, Timestamps.format(batch.receivedAt()));
        if (!batch.index().isEmpty()) out.put(EcsFields.VIGIL_INDEX, batch.index());
        if (!batch.sourceAddress().isEmpty()) out.put(EcsFields.LOG_SOURCE_ADDRESS, batch.sourceAddress());
        return new Event(id, timestamp, out);
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
        }
        return true;
    }
}
