package io.vigil.store;

import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * Long points as {@link org.apache.lucene.document.LongPoint} indexes them (same dimensions and bytes, so
 * {@code LongPoint} queries find them), built for a hot path: {@code new LongPoint(name, v)} makes a new
 * {@link FieldType}, a varargs array and a {@link BytesRef} for each value, six times per syslog line.
 */
final class LongPoints {
    private static final FieldType POINT = type(DocValuesType.NONE);
    private static final FieldType POINT_AND_NUMERIC = type(DocValuesType.NUMERIC);

    private LongPoints() {}

    private static FieldType type(DocValuesType docValues) {
        FieldType type = new FieldType();
        type.setDimensions(1, Long.BYTES);
        type.setDocValuesType(docValues);
        type.freeze();
        return type;
    }

    /** A point only. */
    static Field point(String name, long value) {
        return new Field(name, new BytesRef(bytes(value)), POINT);
    }

    /**
     * A point and a single-valued numeric doc value in one field instance (Lucene reads the point from
     * {@link Field#binaryValue()} and the doc value from {@link Field#numericValue()}).
     */
    static Field pointAndDocValue(String name, long value) {
        return new PointAndNumeric(name, value);
    }

    private static byte[] bytes(long value) {
        byte[] packed = new byte[Long.BYTES];
        NumericUtils.longToSortableBytes(value, packed, 0);
        return packed;
    }

    private static final class PointAndNumeric extends Field {
        private final BytesRef packed;

        PointAndNumeric(String name, long value) {
            super(name, POINT_AND_NUMERIC);
            fieldsData = value;
            packed = new BytesRef(bytes(value));
        }

        @Override
        public BytesRef binaryValue() {
            return packed;
        }
    }
}
