package io.vigil.store;

import io.vigil.event.EcsFields;
import io.vigil.event.EcsSchema;
import io.vigil.event.EcsType;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene sort for a request, and the conversion of sort values to and from what {@link SearchResult.Hit}
 * exposes. A hit's sort values are the requested fields' values followed by two tie-breakers, the partition
 * name and the doc id inside it (stable, see {@link Partition}), so that {@code search_after} is exact even
 * when many events share a timestamp. Missing keyword values sort last and are shown as {@link #MISSING}.
 */
final class SortSpec {
    /** Stands for "no value" in a keyword sort position (sort values cannot hold null). */
    static final String MISSING = "\u0000missing";

    private final List<EcsType> types = new ArrayList<>();
    private final Sort sort;

    SortSpec(List<SearchRequest.SortField> fields) {
        SortField[] sortFields = new SortField[fields.size()];
        for (int i = 0; i < fields.size(); i++) sortFields[i] = luceneField(fields.get(i));
        this.sort = new Sort(sortFields);
    }

    private SortField luceneField(SearchRequest.SortField field) {
        String name = field.field();
        boolean reverse = field.descending();
        if (name.equals(EcsFields.TIMESTAMP)) {
            types.add(EcsType.LONG);
            return new SortField(name, SortField.Type.LONG, reverse);
        }
        EcsType type = EcsSchema.typeOf(name);
        if (!EcsSchema.isAggregatable(name) || type == EcsType.TEXT || type == EcsType.DATE) {
            throw new IllegalArgumentException("cannot sort on " + name + ": sortable fields are @timestamp and the "
                    + "aggregatable keyword/number fields (e.g. host.name, event.code, source.port)");
        }
        types.add(type);
        return switch (type) {
            case LONG -> missing(new SortedNumericSortField(name, SortField.Type.LONG, reverse), reverse ? Long.MIN_VALUE : Long.MAX_VALUE);
            case DOUBLE -> missing(new SortedNumericSortField(name, SortField.Type.DOUBLE, reverse),
                    reverse ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            default -> missing(new SortedSetSortField(name, reverse), SortField.STRING_LAST);
        };
    }

    private static SortField missing(SortField field, Object value) {
        field.setMissingValue(value);
        return field;
    }

    Sort sort() {
        return sort;
    }

    /** The values to show for a hit: sort values, then partition name and doc id. */
    List<Object> exposed(FieldDoc hit, String partition, int doc) {
        List<Object> values = new ArrayList<>(hit.fields.length + 2);
        for (Object v : hit.fields) values.add(v instanceof BytesRef b ? b.utf8ToString() : v == null ? MISSING : v);
        values.add(partition);
        values.add(doc);
        return values;
    }

    /** The Lucene sort values of a {@code search_after} list (doc id and partition are handled by the caller). */
    Object[] luceneValues(List<Object> searchAfter) {
        if (searchAfter.size() != types.size() + 2) {
            throw new IllegalArgumentException("search_after needs " + (types.size() + 2)
                    + " values (the sort values of the last hit, as returned), got " + searchAfter.size());
        }
        Object[] values = new Object[types.size()];
        for (int i = 0; i < types.size(); i++) values[i] = luceneValue(types.get(i), searchAfter.get(i));
        return values;
    }

    private static Object luceneValue(EcsType type, Object value) {
        try {
            return switch (type) {
                case LONG -> value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
                case DOUBLE -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
                default -> MISSING.equals(value) ? null : new BytesRef(value.toString());
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("search_after value '" + value + "' is not a number", e);
        }
    }

    static String afterPartition(List<Object> searchAfter) {
        return searchAfter.get(searchAfter.size() - 2).toString();
    }

    static int afterDoc(List<Object> searchAfter) {
        Object v = searchAfter.getLast();
        try {
            return v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("search_after's last value must be a doc id, got '" + v + "'", e);
        }
    }
}
