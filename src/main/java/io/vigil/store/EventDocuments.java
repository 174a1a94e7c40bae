package io.vigil.store;

import io.vigil.event.EcsFields;
import io.vigil.event.EcsSchema;
import io.vigil.event.Event;
import io.vigil.event.StoredEvent;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * How an {@link Event} becomes a Lucene document, and back. The indexing rules per {@link io.vigil.event.EcsType}:
 * <ul>
 *   <li>KEYWORD: exact term; doc values when {@link EcsSchema#isAggregatable}. Values longer than
 *       {@link EcsSchema#MAX_KEYWORD_LENGTH} chars get no exact term and no doc values; they are analyzed
 *       under {@code <field>.text} instead (as are all values of {@link EcsSchema#isAlsoText} fields).</li>
 *   <li>TEXT: analyzed by {@link io.vigil.store.text.LogTextAnalyzer}, which emits exactly StandardAnalyzer's tokens
 *       (its own UAX #29 word breaking for all-ASCII values, the real StandardTokenizer for any other; checked
 *       against StandardAnalyzer on generated and real logs) at a fraction of the cost; positions for phrases,
 *       no norms (hits are never scored).</li>
 *   <li>LONG/DOUBLE: point + exact term of the canonical text ({@code field:123}, {@code field:12*});
 *       sorted-numeric doc values when aggregatable.</li>
 *   <li>DATE: point only (epoch millis); {@code @timestamp} also numeric doc values and a stored copy.</li>
 *   <li>IP: InetAddressPoint (exact, CIDR, range) + exact term of the text; doc values when aggregatable.</li>
 *   <li>BOOLEAN: exact term "true"/"false".</li>
 * </ul>
 * A value that does not fit its field's type (e.g. "abc" in {@code event.severity}) cannot be indexed under
 * the field's own name, because Lucene requires one set of data structures per field. It is indexed as an
 * exact term under {@code _mismatch.<field>}, and {@code _type_mismatch} gets the field name; queries on the
 * field look there too. The stored event is never changed.
 * An ECS copy of a {@code winlog.event_data} value gets no exact term of its own ({@link EcsCopies}).
 * <p>Exists is answered from the terms and points themselves ({@code LuceneQueries}), not from a list of field
 * names per document: that list doubled the terms every event indexes.
 * The id is indexed and stored as a point ({@link IdPoints}), or as a term when it is not of the parser's form.
 * Stored: the id, {@code _ts}, and: for an event the parser can make again ({@link RawEvents}), the raw
 * bytes {@code _original} and its {@code _parse_context} only (~60 % of the bytes of the next form on Windows
 * JSON, and no second JSON parse at write time); otherwise whichever is smaller and exact: {@code _original} plus
 * {@code _fields_delta} ({@link FieldsDelta}, when the raw is a JSON object), or {@code _fields} (the flat map
 * as JSON) plus {@code _original} unless the raw bytes are the event's {@code event.original} text.
 * On 2 KB Windows JSON the first form costs ~140 B/event of stored fields, the second ~280 B.
 */
final class EventDocuments {
    static final String ID = "_id";
    static final String TS_STORED = "_ts";
    static final String FIELDS = "_fields";
    static final String ORIGINAL = "_original";
    static final String FIELDS_DELTA = "_fields_delta";
    static final String PARSE_CONTEXT = "_parse_context";
    /** Stored fields to load to rebuild an event, and to get its raw bytes. */
    static final java.util.Set<String> STORED = java.util.Set.of(ID, IdPoints.FIELD, TS_STORED, FIELDS, ORIGINAL, FIELDS_DELTA, PARSE_CONTEXT);
    static final String FIELD_NAMES = "_field_names";
    static final String TYPE_MISMATCH = "_type_mismatch";
    static final String MISMATCH_PREFIX = "_mismatch.";

    static final FieldType TEXT = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    /**
     * For {@code event.original}: words are findable but without positions (no phrase queries), because the
     * raw text repeats what the parsed fields already index and positions would double its index cost.
     */
    static final FieldType WORDS_ONLY = textType(IndexOptions.DOCS);

    private EventDocuments() {}

    static boolean isWordsOnly(String field) {
        return field.equals(EcsFields.EVENT_ORIGINAL);
    }

    private static FieldType textType(IndexOptions options) {
        FieldType type = new FieldType();
        type.setIndexOptions(options);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    static Document toDocument(StoredEvent stored, RawEvents raw) {
        Event event = stored.event();
        Document doc = new Document();
        Field idPoint = IdPoints.field(event.id());
        doc.add(idPoint != null ? idPoint : new StringField(ID, event.id(), Field.Store.YES));
        doc.add(new StoredField(TS_STORED, event.timestamp()));
        doc.add(LongPoints.pointAndDocValue(EcsFields.TIMESTAMP, event.timestamp()));
        for (Map.Entry<String, Object> entry : event.fields().entrySet()) {
            String name = entry.getKey();
            Object value = entry.getValue();
            if (name.equals(EcsFields.TIMESTAMP) || value == null || isReserved(name)) continue;
            FieldPlan plan = FieldPlan.of(name);
            if (EcsCopies.isElided(plan.copyOf(), value, event.fields())) {
                doc.add(new StringField(EcsCopies.COPIED, name, Field.Store.NO));
                if (plan.alsoText()) doc.add(new Field(plan.textName(), (String) value, TEXT));
            } else if (value instanceof List<?> list) {
                for (Object item : list) if (item != null) addValue(doc, plan, item);
            } else {
                addValue(doc, plan, value);
            }
        }
        if (raw.rawOnly(stored)) {
            doc.add(new StoredField(ORIGINAL, stored.original()));
            doc.add(new StoredField(PARSE_CONTEXT, stored.parseContext()));
        } else {
            storeFieldsAndOriginal(doc, stored);
        }
        return doc;
    }

    /**
     * The smaller correct way to keep both the fields and the raw bytes: raw + {@link FieldsDelta} when the raw
     * is JSON that reproduces the fields; else the fields, plus the raw unless it is {@code event.original}.
     */
    private static void storeFieldsAndOriginal(Document doc, StoredEvent stored) {
        Optional<byte[]> delta = FieldsDelta.of(stored.event().fields(), stored.original());
        if (delta.isPresent()) {
            doc.add(new StoredField(ORIGINAL, stored.original()));
            doc.add(new StoredField(FIELDS_DELTA, delta.get()));
            return;
        }
        doc.add(new StoredField(FIELDS, FlatFieldsCodec.encode(stored.event().fields())));
        if (!originalIsEventOriginal(stored)) doc.add(new StoredField(ORIGINAL, stored.original()));
    }

    /**
     * Names the store uses itself. An event field with such a name is stored but not indexed: indexing it would
     * change the internal field's data structures, which Lucene rejects for the whole document.
     */
    static boolean isReserved(String name) {
        return name.startsWith("_") && (name.equals(ID) || name.equals(TS_STORED) || name.equals(FIELDS)
                || name.equals(ORIGINAL) || name.equals(FIELDS_DELTA) || name.equals(PARSE_CONTEXT) || name.equals(FIELD_NAMES)
                || name.equals(TYPE_MISMATCH) || name.equals(IdPoints.FIELD) || name.equals(EcsCopies.COPIED) || name.startsWith(MISMATCH_PREFIX));
    }

    static boolean originalIsEventOriginal(StoredEvent stored) {
        return stored.event().get(EcsFields.EVENT_ORIGINAL) instanceof String text
                && Arrays.equals(text.getBytes(StandardCharsets.UTF_8), stored.original());
    }

    private static void addValue(Document doc, FieldPlan plan, Object value) {
        String name = plan.name();
        boolean fits = switch (plan.type()) {
            case KEYWORD -> addKeyword(doc, plan, value.toString());
            case TEXT -> {
                doc.add(new Field(name, value.toString(), isWordsOnly(name) ? WORDS_ONLY : TEXT));
                yield true;
            }
            case LONG -> addLong(doc, plan, FieldValues.toLong(value));
            case DOUBLE -> addDouble(doc, plan, FieldValues.toDouble(value));
            case DATE -> addDate(doc, name, FieldValues.toEpochMillis(value));
            case IP -> addIp(doc, plan, value.toString().trim());
            case BOOLEAN -> addBoolean(doc, name, FieldValues.toBoolean(value));
        };
        if (!fits) {
            String text = value.toString();
            if (text.length() <= EcsSchema.MAX_KEYWORD_LENGTH) doc.add(new StringField(plan.mismatchName(), text, Field.Store.NO));
            doc.add(new StringField(TYPE_MISMATCH, name, Field.Store.NO));
        }
    }

    /**
     * One field instance for the term and the doc values ({@link KeywordField}): one UTF-8 conversion and one
     * pass of Lucene's per-field work instead of two.
     */
    private static boolean addKeyword(Document doc, FieldPlan plan, String text) {
        boolean exact = text.length() <= EcsSchema.MAX_KEYWORD_LENGTH;
        if (exact) {
            doc.add(plan.aggregatable()
                    ? new KeywordField(plan.name(), new BytesRef(text), Field.Store.NO)
                    : new StringField(plan.name(), text, Field.Store.NO));
        }
        if (!exact || plan.alsoText()) doc.add(new Field(plan.textName(), text, TEXT));
        return true;
    }

    /** Point and doc values in one {@link LongField} when aggregatable; the text form as an exact term. */
    private static boolean addLong(Document doc, FieldPlan plan, Long value) {
        if (value == null) return false;
        doc.add(plan.aggregatable() ? new LongField(plan.name(), value, Field.Store.NO) : LongPoints.point(plan.name(), value));
        doc.add(new StringField(plan.name(), FieldValues.decimal(value), Field.Store.NO));
        return true;
    }

    private static boolean addDouble(Document doc, FieldPlan plan, Double value) {
        if (value == null) return false;
        doc.add(plan.aggregatable() ? new DoubleField(plan.name(), value, Field.Store.NO) : new DoublePoint(plan.name(), value));
        doc.add(new StringField(plan.name(), Double.toString(value), Field.Store.NO));
        return true;
    }

    private static boolean addDate(Document doc, String name, Long millis) {
        if (millis == null) return false;
        doc.add(LongPoints.point(name, millis));
        return true;
    }

    private static boolean addIp(Document doc, FieldPlan plan, String text) {
        InetAddress address = FieldValues.toInetAddress(text);
        if (address == null) return false;
        doc.add(new InetAddressPoint(plan.name(), address));
        doc.add(plan.aggregatable()
                ? new KeywordField(plan.name(), new BytesRef(text), Field.Store.NO)
                : new StringField(plan.name(), text, Field.Store.NO));
        return true;
    }

    private static boolean addBoolean(Document doc, String name, Boolean value) {
        if (value == null) return false;
        doc.add(new StringField(name, value.toString(), Field.Store.NO));
        return true;
    }

    /** The event of a document loaded with {@link #STORED}. */
    static Event toEvent(Document doc, RawEvents raw) {
        Number ts = doc.getField(TS_STORED).numericValue();
        BytesRef context = doc.getBinaryValue(PARSE_CONTEXT);
        if (context != null) {
            return raw.read(idOf(doc), ts.longValue(), BytesRef.deepCopyOf(doc.getBinaryValue(ORIGINAL)).bytes,
                    BytesRef.deepCopyOf(context).bytes);
        }
        BytesRef fields = doc.getBinaryValue(FIELDS);
        if (fields != null) {
            return new Event(idOf(doc), ts.longValue(), FlatFieldsCodec.decode(fields.bytes, fields.offset, fields.length));
        }
        BytesRef delta = doc.getBinaryValue(FIELDS_DELTA);
        byte[] original = BytesRef.deepCopyOf(doc.getBinaryValue(ORIGINAL)).bytes;
        return new Event(idOf(doc), ts.longValue(), FieldsDelta.apply(original, delta.bytes, delta.offset, delta.length));
    }

    /** The id of a document loaded with {@link #STORED}. */
    static String idOf(Document doc) {
        BytesRef point = doc.getBinaryValue(IdPoints.FIELD);
        return point != null ? IdPoints.decode(point) : doc.get(ID);
    }

    /** The raw bytes of a document loaded with {@link #STORED}. */
    static Optional<byte[]> original(Document doc, RawEvents raw) {
        BytesRef stored = doc.getBinaryValue(ORIGINAL);
        if (stored != null) return Optional.of(BytesRef.deepCopyOf(stored).bytes);
        Object text = toEvent(doc, raw).get(EcsFields.EVENT_ORIGINAL);
        return text instanceof String s ? Optional.of(s.getBytes(StandardCharsets.UTF_8)) : Optional.empty();
    }
}
