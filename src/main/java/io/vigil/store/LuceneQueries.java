package io.vigil.store;

import io.vigil.event.EcsFields;
import io.vigil.event.EcsSchema;
import io.vigil.event.EcsType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Translates a {@link StoreQuery} into a Lucene query, field by field according to {@link EcsSchema} and the
 * indexing rules of {@link EventDocuments}. Bad input (an unparseable range bound, a wildcard on a date)
 * is an {@link IllegalArgumentException} naming the field and the value. Thread-safe.
 */
final class LuceneQueries {
    private final Analyzer analyzer;
    private final RangeQueries ranges = new RangeQueries();

    LuceneQueries(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Query translate(StoreQuery query) {
        Query own = translateOwn(query);
        String field = fieldOf(query);
        String copyOf = field == null ? null : EcsCopies.sourceOf(field);
        if (copyOf == null) return own;
        // The field may be an elided copy (EcsCopies): those documents match the same query on the source.
        Query marker = new TermQuery(new Term(EcsCopies.COPIED, field));
        Query copied = query instanceof StoreQuery.Exists ? marker : new BooleanQuery.Builder()
                .add(translateOwn(onField(query, copyOf)), Occur.FILTER).add(marker, Occur.FILTER).build();
        return either(own, copied);
    }

    /** The field a leaf query is on ({@code message} when it names none), or null for the others. */
    private static String fieldOf(StoreQuery query) {
        return switch (query) {
            case StoreQuery.Term t -> fieldOrDefault(t.field());
            case StoreQuery.Phrase p -> fieldOrDefault(p.field());
            case StoreQuery.Wildcard w -> fieldOrDefault(w.field());
            case StoreQuery.Range r -> fieldOrDefault(r.field());
            case StoreQuery.Exists e -> fieldOrDefault(e.field());
            case StoreQuery.MatchAll all -> null;
            case StoreQuery.Bool b -> null;
            case StoreQuery.Ids ids -> null;
        };
    }

    /** The same leaf query on another field. */
    private static StoreQuery onField(StoreQuery query, String field) {
        return switch (query) {
            case StoreQuery.Term t -> new StoreQuery.Term(field, t.value());
            case StoreQuery.Phrase p -> new StoreQuery.Phrase(field, p.text());
            case StoreQuery.Wildcard w -> new StoreQuery.Wildcard(field, w.pattern());
            case StoreQuery.Range r -> new StoreQuery.Range(field, r.lower(), r.includeLower(), r.upper(), r.includeUpper());
            case StoreQuery.Exists e -> new StoreQuery.Exists(field);
            case StoreQuery.MatchAll all -> all;
            case StoreQuery.Bool b -> b;
            case StoreQuery.Ids ids -> ids;
        };
    }

    private Query translateOwn(StoreQuery query) {
        return switch (query) {
            case StoreQuery.MatchAll all -> new MatchAllDocsQuery();
            case StoreQuery.Term t -> term(fieldOrDefault(t.field()), t.value());
            case StoreQuery.Phrase p -> phrase(fieldOrDefault(p.field()), p.text());
            case StoreQuery.Wildcard w -> wildcard(fieldOrDefault(w.field()), w.pattern());
            case StoreQuery.Range r -> ranges.range(fieldOrDefault(r.field()), r);
            case StoreQuery.Exists e -> exists(fieldOrDefault(e.field()));
            case StoreQuery.Bool b -> bool(b);
            case StoreQuery.Ids ids -> IdPoints.anyOf(ids.ids());
        };
    }

    /**
     * Documents with any value in the field: any indexed term of it (keywords, the text form of numbers and IPs,
     * words of text), of its analyzed companion, or of its type-mismatch twin, or any point (dates). Cheaper at
     * index time than a per-document list of field names, which doubled the terms every event indexes.
     */
    private static Query exists(String field) {
        if (field.equals(EcsFields.TIMESTAMP) || field.equals(EventDocuments.ID)) return new MatchAllDocsQuery();
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(org.apache.lucene.search.TermRangeQuery.newStringRange(field, null, null, true, true), Occur.SHOULD);
        any.add(org.apache.lucene.search.TermRangeQuery.newStringRange(EcsSchema.textFieldOf(field), null, null, true, true), Occur.SHOULD);
        any.add(org.apache.lucene.search.TermRangeQuery.newStringRange(EventDocuments.MISMATCH_PREFIX + field, null, null, true, true), Occur.SHOULD);
        if (EcsSchema.typeOf(field) == EcsType.DATE) any.add(LongPoint.newRangeQuery(field, Long.MIN_VALUE, Long.MAX_VALUE), Occur.SHOULD);
        return new org.apache.lucene.search.ConstantScoreQuery(any.build());
    }

    static String fieldOrDefault(String field) {
        return field == null ? EcsFields.MESSAGE : field;
    }

    private Query term(String field, String value) {
        if (field.equals(EventDocuments.ID)) return IdPoints.of(value);
        EcsType type = EcsSchema.typeOf(field);
        return switch (type) {
            case KEYWORD -> keyword(field, value);
            case TEXT -> allWords(field, value);
            case LONG -> {
                Long l = FieldValues.toLong(value);
                yield l == null ? mismatch(field, value) : LongPoint.newExactQuery(field, l);
            }
            case DOUBLE -> {
                Double d = FieldValues.toDouble(value);
                yield d == null ? mismatch(field, value) : DoublePoint.newExactQuery(field, d);
            }
            case DATE -> {
                Long millis = FieldValues.toEpochMillis(value);
                yield millis == null ? mismatch(field, value) : LongPoint.newExactQuery(field, millis);
            }
            case IP -> ip(field, value);
            case BOOLEAN -> {
                Boolean b = FieldValues.toBoolean(value);
                yield b == null ? mismatch(field, value) : new TermQuery(new Term(field, b.toString()));
            }
        };
    }

    private Query keyword(String field, String value) {
        if (value.length() > EcsSchema.MAX_KEYWORD_LENGTH) return allWords(EcsSchema.textFieldOf(field), value);
        Query exact = new TermQuery(new Term(field, value));
        if (!EcsSchema.isAlsoText(field)) return exact;
        return either(exact, allWords(EcsSchema.textFieldOf(field), value));
    }

    private Query ip(String field, String value) {
        int slash = value.indexOf('/');
        InetAddress address = FieldValues.toInetAddress(slash < 0 ? value : value.substring(0, slash));
        if (address == null) return mismatch(field, value);
        if (slash < 0) return InetAddressPoint.newExactQuery(field, address);
        try {
            int prefix = Integer.parseInt(value.substring(slash + 1).trim());
            return InetAddressPoint.newPrefixQuery(field, address, prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field " + field + ": bad CIDR '" + value + "': " + e.getMessage(), e);
        }
    }

    private static Query mismatch(String field, String value) {
        return new TermQuery(new Term(EventDocuments.MISMATCH_PREFIX + field, value));
    }

    /** Every analyzed word of {@code text} must occur in {@code field}. */
    private Query allWords(String field, String text) {
        List<String> words = analyze(field, text);
        if (words.isEmpty()) return new MatchNoDocsQuery("no searchable words in '" + text + "'");
        if (words.size() == 1) return new TermQuery(new Term(field, words.getFirst()));
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) all.add(new TermQuery(new Term(field, word)), Occur.FILTER);
        return all.build();
    }

    private Query phrase(String field, String text) {
        EcsType type = EcsSchema.typeOf(field);
        if (type == EcsType.TEXT) return EventDocuments.isWordsOnly(field) ? allWords(field, text) : wordsInOrder(field, text);
        if (type == EcsType.KEYWORD && EcsSchema.isAlsoText(field)) {
            return either(new TermQuery(new Term(field, text)), wordsInOrder(EcsSchema.textFieldOf(field), text));
        }
        return term(field, text);
    }

    private Query wordsInOrder(String field, String text) {
        List<String> words = analyze(field, text);
        if (words.isEmpty()) return new MatchNoDocsQuery("no searchable words in '" + text + "'");
        if (words.size() == 1) return new TermQuery(new Term(field, words.getFirst()));
        return new PhraseQuery(field, words.toArray(String[]::new));
    }

    private Query wildcard(String field, String pattern) {
        EcsType type = EcsSchema.typeOf(field);
        return switch (type) {
            case KEYWORD -> new WildcardQuery(new Term(field, pattern));
            case TEXT -> {
                // Text is indexed lower-cased word by word: each word of the pattern must match one word.
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                for (String part : pattern.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
                    if (!part.isEmpty()) all.add(new WildcardQuery(new Term(field, part)), Occur.FILTER);
                }
                yield all.build();
            }
            case LONG, DOUBLE, IP, BOOLEAN -> either(new WildcardQuery(new Term(field, pattern)),
                    new WildcardQuery(new Term(EventDocuments.MISMATCH_PREFIX + field, pattern)));
            case DATE -> throw new IllegalArgumentException("field " + field
                    + " is a date: wildcards are not supported on dates; use a range");
        };
    }

    private Query bool(StoreQuery.Bool b) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (StoreQuery q : b.must()) builder.add(translate(q), Occur.FILTER);
        for (StoreQuery q : b.should()) builder.add(translate(q), Occur.SHOULD);
        for (StoreQuery q : b.mustNot()) builder.add(translate(q), Occur.MUST_NOT);
        if (b.must().isEmpty() && !b.should().isEmpty()) builder.setMinimumNumberShouldMatch(1);
        if (b.must().isEmpty() && b.should().isEmpty()) builder.add(new MatchAllDocsQuery(), Occur.FILTER);
        return builder.build();
    }

    private static Query either(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, Occur.SHOULD).add(b, Occur.SHOULD).build();
    }

    List<String> analyze(String field, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) words.add(term.toString());
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
