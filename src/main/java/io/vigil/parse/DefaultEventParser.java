package io.vigil.parse;

import io.vigil.event.EcsFields;
import io.vigil.event.Event;
import io.vigil.event.RawBatch;
import io.vigil.event.StoredEvent;
import io.vigil.parse.access.AccessLogDecoder;
import io.vigil.parse.app.ApacheErrorDecoder;
import io.vigil.parse.app.CbsDecoder;
import io.vigil.parse.app.HadoopDecoder;
import io.vigil.parse.app.SupercomputerLogDecoder;
import io.vigil.parse.access.W3cDecoder;
import io.vigil.parse.json.JsonDecoder;
import io.vigil.parse.json.JsonFlattener;
import io.vigil.parse.suricata.SuricataEveNormalizer;
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
    /** On an event whose raw line was cut at the input's maximum message size. */
    public static final String TRUNCATED_TAG = "_truncated";

    private final DecoderChain chain;
    private final ParserConfig config;
    private final EventTimestamps timestamps;

    public DefaultEventParser(DecoderChain chain, ParserConfig config, Clock clock) {
        this.chain = chain;
        this.config = config;
        this.timestamps = new EventTimestamps(new Timestamps(clock));
    }

    /** The standard decoders ({@link #standardDecoders} and {@link #configuredOnlyDecoders}). */
    public static DefaultEventParser standard(ParserConfig config, Clock clock) {
        DecoderChain chain = new DecoderChain(standardDecoders(clock), configuredOnlyDecoders(clock), config.decoderBySource());
        return new DefaultEventParser(chain, config, clock);
    }

    /**
     * The decoders tried on every line of an unconfigured source, in this order: Windows XML, syslog (with
     * Linux auth, Postfix and netfilter enrichment), JSON (Windows events, Suricata EVE, then the
     * {@link MessageDecoders} step for a raw line in {@code message}), Apache/nginx access lines
     * ({@code apache}), IIS W3C ({@code iis}), then application formats: Apache error, Hadoop, Windows CBS,
     * supercomputer syslog.
     */
    public static List<Decoder> standardDecoders(Clock clock) {
        JsonFlattener flattener = new JsonFlattener();
        SyslogDecoder syslog = new SyslogDecoder(clock);
        AccessLogDecoder apache = AccessLogDecoder.apache();
        MessageDecoders messages = new MessageDecoders(messageDecoders(syslog, apache), List.of(apache, syslog));
        return List.of(
                new WindowsXmlDecoder(),
                syslog,
                new JsonDecoder(flattener, List.of(new WindowsJsonNormalizer(flattener), new SuricataEveNormalizer(), messages)),
                apache,
                new W3cDecoder(),
                new ApacheErrorDecoder(),
                new HadoopDecoder(),
                new CbsDecoder(),
                new SupercomputerLogDecoder());
    }

    /** Decoders a source can be configured with but that detection never picks: nginx, postfix, iptables, suricata. */
    public static List<Decoder> configuredOnlyDecoders(Clock clock) {
        SyslogDecoder syslog = new SyslogDecoder(clock);
        return List.of(
                AccessLogDecoder.nginx(),
                new DatasetDecoder("postfix", syslog, "postfix.log"),
                new DatasetDecoder("iptables", syslog, "iptables.log"),
                new DatasetDecoder("suricata", new JsonDecoder(new JsonFlattener(), List.of(new SuricataEveNormalizer())),
                        "suricata.eve"));
    }

    /** {@code event.dataset} / {@code event.module} values whose {@code message} holds a line to decode. */
    private static Map<String, Decoder> messageDecoders(SyslogDecoder syslog, AccessLogDecoder apache) {
        Map<String, Decoder> m = new LinkedHashMap<>();
        m.put("apache.access", apache);
        m.put("apache", apache);
        m.put("nginx.access", AccessLogDecoder.nginx());
        m.put("nginx", AccessLogDecoder.nginx());
        for (String ds : List.of("system.auth", "system.syslog", "system", "postfix.log", "postfix", "iptables.log",
                "iptables", "syslog")) {
            m.put(ds, syslog);
        }
        return m;
    }

    @Override
    public List<StoredEvent> parse(RawBatch batch, long position) {
        return Timestamps.asOf(batch.receivedAt(), () -> parseAll(batch, position));
    }

    private List<StoredEvent> parseAll(RawBatch batch, long position) {
        List<StoredEvent> out = new ArrayList<>(batch.size());
        List<byte[]> lines = batch.lines();
        BatchFacts facts = new BatchFacts(batch);
        for (int i = 0; i < lines.size(); i++) {
            out.add(parseLine(facts, lines.get(i), EventParser.eventId(position, i), i));
        }
        return out;
    }

    /**
     * What every line of a batch shares, worked out once per batch rather than per line: its origin, the
     * formatted receipt time and the encoded parse context (the same for every line one decoder read).
     */
    private static final class BatchFacts {
        final RawBatch batch;
        final LineOrigin origin;
        final String ingested;
        final boolean truncated;
        private Decoder contextDecoder;
        private byte[] context;

        BatchFacts(RawBatch batch) {
            this.batch = batch;
            this.origin = new LineOrigin(batch.index(), batch.source(), batch.sourceAddress());
            this.ingested = Timestamps.format(batch.receivedAt());
            // a syslog input cut this message at its size limit: say so on the event (nothing else marks it)
            this.truncated = batch.source().endsWith(io.vigil.ingest.syslog.SyslogSource.TRUNCATED_SUFFIX);
        }

        /** The parse context for a line {@code decoder} read; one array shared by the batch's events (never written). */
        byte[] contextOf(Decoder decoder) {
            if (decoder != contextDecoder || contextDecoder == null) {
                contextDecoder = decoder;
                context = DefaultEventParser.contextOf(decoder, batch);
            }
            return context;
        }
    }

    private StoredEvent parseLine(BatchFacts facts, byte[] line, String id, int index) {
        DecoderChain.Outcome outcome;
        if (line.length > config.maxLineBytes()) {
            outcome = new DecoderChain.Outcome(new DecodeResult.Failed("is " + line.length + " bytes, over the limit of "
                    + config.maxLineBytes() + " bytes (parse.max_line_bytes)"), null);
        } else if (isBlank(line)) {
            outcome = new DecoderChain.Outcome(new DecodeResult.Failed("is empty"), null);
        } else {
            outcome = decodeSafely(facts.origin, line);
        }
        return switch (outcome.result()) {
            case DecodeResult.Decoded decoded ->
                    new StoredEvent(finish(decoded.fields(), facts, id), line, facts.contextOf(outcome.decoder()));
            case DecodeResult.Failed failed -> new StoredEvent(finish(failureFields(line, index, failed.reason()), facts, id), line);
            case DecodeResult.NotMine ignored -> throw new IllegalStateException("DecoderChain never answers NotMine");
        };
    }

    /** How to make the event again from its line, or null when its decoder cannot (or the origin is too long). */
    private static byte[] contextOf(Decoder decoder, RawBatch batch) {
        if (decoder == null || !decoder.reproducible()) return null;
        try {
            return new ParseContext(decoder.name(), batch.source(), batch.index(), batch.sourceAddress(), batch.receivedAt()).encode();
        } catch (java.io.UncheckedIOException e) {
            return null; // a name over 64 KB: store the fields instead
        }
    }

    /**
     * The event {@link #parse} made from {@code line}, made again from the line and the parse context it was
     * stored with: the same decoder, origin and receipt time. Empty when the context is unreadable, names a
     * decoder this parser does not have, or the decoder no longer understands the line.
     */
    public java.util.Optional<Event> reparse(String id, byte[] line, byte[] parseContext) {
        java.util.Optional<ParseContext> context = ParseContext.decode(parseContext);
        if (context.isEmpty()) return java.util.Optional.empty();
        ParseContext c = context.get();
        java.util.Optional<Decoder> decoder = chain.named(c.decoder());
        if (decoder.isEmpty()) return java.util.Optional.empty();
        RawBatch batch = new RawBatch(c.source(), c.index(), c.sourceAddress(), c.receivedAt(), List.of());
        LineOrigin origin = new LineOrigin(c.index(), c.source(), c.sourceAddress());
        return Timestamps.asOf(c.receivedAt(), () -> {
            DecodeResult result;
            try {
                result = decoder.get().decode(origin, line);
            } catch (RuntimeException | StackOverflowError e) {
                return java.util.Optional.<Event>empty();
            }
            return result instanceof DecodeResult.Decoded decoded
                    ? java.util.Optional.of(finish(decoded.fields(), new BatchFacts(batch), id))
                    : java.util.Optional.<Event>empty();
        });
    }

    /** A decoder bug must not lose the line or stop the batch: it becomes a failure event like bad data. */
    private DecoderChain.Outcome decodeSafely(LineOrigin origin, byte[] line) {
        try {
            return chain.decodeAndName(origin, line);
        } catch (RuntimeException | StackOverflowError e) {
            return new DecoderChain.Outcome(new DecodeResult.Failed("could not be decoded (decoder error: " + e + ")"), null);
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

    private Event finish(Map<String, Object> fields, BatchFacts facts, String id) {
        RawBatch batch = facts.batch;
        long timestamp = timestamps.resolve(fields, batch.receivedAt());
        LinkedHashMap<String, Object> out;
        if (fields instanceof LinkedHashMap<String, Object> handedOver) {
            // the decoder's own map (DecodeResult.Decoded): completed in place, @timestamp first, not copied
            handedOver.putFirst(EcsFields.TIMESTAMP, Timestamps.format(timestamp));
            out = handedOver;
        } else {
            out = LinkedHashMap.newLinkedHashMap(fields.size() + 6);
            out.put(EcsFields.TIMESTAMP, Timestamps.format(timestamp));
            out.putAll(fields);
        }
        out.put(EcsFields.EVENT_INGESTED, facts.ingested);
        if (!batch.index().isEmpty()) out.put(EcsFields.VIGIL_INDEX, batch.index());
        if (!batch.sourceAddress().isEmpty()) out.put(EcsFields.LOG_SOURCE_ADDRESS, batch.sourceAddress());
        if (facts.truncated) EventTimestamps.addTag(out, TRUNCATED_TAG);
        return Event.owning(id, timestamp, out);
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
        }
        return true;
    }
}
