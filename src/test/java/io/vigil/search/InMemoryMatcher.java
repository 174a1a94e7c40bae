package io.vigil.search;

import io.vigil.event.EcsFields;
import io.vigil.event.Event;
import io.vigil.store.StoreQuery;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Naive evaluation of a {@link StoreQuery} against one event, for {@link InMemoryEventStore}. */
final class InMemoryMatcher {
    private InMemoryMatcher() {}

    static boolean matches(StoreQuery q, Event e) {
        return switch (q) {
            case StoreQuery.MatchAll m -> true;
            case StoreQuery.Term t -> t.field() == null
                    ? words(e).contains(t.value().toLowerCase(Locale.ROOT))
                    : values(e, t.field()).stream().anyMatch(v -> v.toString().equals(t.value()));
            case StoreQuery.Phrase p -> values(e, field(p.field())).stream()
                    .anyMatch(v -> v.toString().toLowerCase(Locale.ROOT).contains(p.text().toLowerCase(Locale.ROOT)));
            case StoreQuery.Wildcard w -> {
                Pattern regex = wildcardRegex(w.pattern());
                List<?> candidates = w.field() == null ? words(e) : values(e, w.field());
                yield candidates.stream().anyMatch(v -> regex.matcher(v.toString()).matches());
            }
            case StoreQuery.Range r -> values(e, r.field()).stream().anyMatch(v -> inRange(v, r));
            case StoreQuery.Exists x -> e.get(x.field()) != null;
            case StoreQuery.Bool b -> b.must().stream().allMatch(c -> matches(c, e))
                    && b.mustNot().stream().noneMatch(c -> matches(c, e))
                    && (b.should().isEmpty() || b.should().stream().anyMatch(c -> matches(c, e)));
            case StoreQuery.Ids ids -> ids.ids().contains(e.id());
        };
    }

    private static String field(String field) {
        return field == null ? EcsFields.MESSAGE : field;
    }

    static List<?> values(Event e, String field) {
        Object v = e.get(field);
        if (v == null) return List.of();
        return v instanceof List<?> list ? list : List.of(v);
    }

    private static List<String> words(Event e) {
        String message = e.text(EcsFields.MESSAGE);
        return message == null ? List.of() : Arrays.asList(message.toLowerCase(Locale.ROOT).split("\\W+"));
    }

    private static Pattern wildcardRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            else if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    private static boolean inRange(Object value, StoreQuery.Range r) {
        return (r.lower() == null || compare(value, r.lower()) > (r.includeLower() ? -1 : 0))
                && (r.upper() == null || compare(value, r.upper()) < (r.includeUpper() ? 1 : 0));
    }

    private static int compare(Object value, String bound) {
        if (value instanceof Number n) {
            try {
                return Double.compare(n.doubleValue(), Double.parseDouble(bound));
            } catch (NumberFormatException e) {
                return value.toString().compareTo(bound);
            }
        }
        return value.toString().compareTo(bound);
    }
}
