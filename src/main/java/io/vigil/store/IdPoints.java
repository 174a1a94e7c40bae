package io.vigil.store;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryPoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * Event ids as the parser makes them ({@code <journal position>-<line index>}, both base 36) are indexed as one
 * 12-byte point (position, index) instead of a term. Every id is unique, so as a term each one added a hash entry,
 * a postings list and a terms-dictionary entry to every segment: about a tenth of the indexing CPU of a syslog
 * line. A point is a copy of 12 bytes into a buffer, sorted once per segment. Ids of any other form (none are
 * made today) and ids in stores written before points keep the term, so lookups ask for both.
 *
 * <p>The point field is also stored (one field instance for both), and the id is read back from it: a stored
 * field named {@code _id} cannot be added without its term, because Lucene keeps one set of data structures per
 * field name across the index.
 */
final class IdPoints {
    static final String FIELD = "_id_point";
    private static final int BYTES = Long.BYTES + Integer.BYTES;

    private static final FieldType TYPE = pointAndStored();

    private IdPoints() {}

    private static FieldType pointAndStored() {
        FieldType type = new FieldType();
        type.setDimensions(1, BYTES);
        type.setStored(true);
        type.freeze();
        return type;
    }

    /** The indexed and stored id of a document, or null when {@code id} needs a term instead. */
    static Field field(String id) {
        byte[] point = encode(id);
        return point == null ? null : new Field(FIELD, point, TYPE);
    }

    /** The id a stored point stands for. */
    static String decode(BytesRef point) {
        long position = NumericUtils.sortableBytesToLong(point.bytes, point.offset);
        int index = NumericUtils.sortableBytesToInt(point.bytes, point.offset + Long.BYTES);
        return Long.toString(position, 36) + "-" + Integer.toString(index, 36);
    }

    /** The point of a parser-made id, or null when {@code id} is not exactly that form. */
    static byte[] encode(String id) {
        int dash = id.indexOf('-');
        if (dash <= 0 || dash > 13 || id.length() - dash - 1 < 1 || id.length() - dash - 1 > 6) return null;
        // Only the canonical spelling maps to a point: "0k-0", "K-0" or "+k-0" parse too but are other ids.
        if (!isCanonicalBase36(id, 0, dash) || !isCanonicalBase36(id, dash + 1, id.length())) return null;
        long position;
        int index;
        try {
            position = Long.parseLong(id, 0, dash, 36);
            index = Integer.parseInt(id, dash + 1, id.length(), 36);
        } catch (NumberFormatException e) { // out of range
            return null;
        }
        byte[] point = new byte[BYTES];
        NumericUtils.longToSortableBytes(position, point, 0);
        NumericUtils.intToSortableBytes(index, point, Long.BYTES);
        return point;
    }

    /** Lower-case base-36 digits without a leading zero (as {@code Long.toString(n, 36)} writes n >= 0). */
    private static boolean isCanonicalBase36(String s, int from, int to) {
        if (to - from > 1 && s.charAt(from) == '0') return false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) return false;
        }
        return true;
    }

    /** Documents whose id is one of {@code ids}: by point where the id has one, and by term for every id. */
    static Query anyOf(List<String> ids) {
        List<byte[]> points = new ArrayList<>(ids.size());
        for (String id : ids) {
            byte[] p = encode(id);
            if (p != null) points.add(p);
        }
        Query terms = new TermInSetQuery(EventDocuments.ID, ids.stream().map(BytesRef::new).toList());
        if (points.isEmpty()) return terms;
        return new ConstantScoreQuery(new BooleanQuery.Builder()
                .add(BinaryPoint.newSetQuery(FIELD, points.toArray(byte[][]::new)), Occur.SHOULD)
                .add(terms, Occur.SHOULD).build());
    }

    /** The document with {@code id}. */
    static Query of(String id) {
        return anyOf(List.of(id));
    }
}
