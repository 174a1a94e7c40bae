package io.vigil.detect.value;

import java.util.ArrayList;
import java.util.List;

/** One string-transforming modifier applied to one value, yielding its alternatives. */
final class StringTransforms {

    private StringTransforms() {}

    static List<SigmaString> apply(Modifier m, SigmaString s, boolean bytes) {
        return switch (m) {
            case CONTAINS -> List.of(withEnds(s, true, true));
            case STARTSWITH -> List.of(withEnds(s, false, true));
            case ENDSWITH -> List.of(withEnds(s, true, false));
            case BASE64 -> List.of(SigmaString.literal(Encodings.base64(plain(s, m), bytes)));
            case BASE64OFFSET -> literals(Encodings.base64Offsets(plain(s, m), bytes));
            case WIDE -> List.of(s.mapText(t -> Encodings.utf16(t, false)));
            case UTF16BE -> List.of(s.mapText(t -> Encodings.utf16(t, true)));
            case UTF16 -> List.of(utf16WithBom(s));
            case WINDASH -> Encodings.windash(s);
            default -> throw new IllegalArgumentException("modifier '" + m.sigmaName() + "' is not a string transformation");
        };
    }

    private static SigmaString withEnds(SigmaString s, boolean start, boolean end) {
        SigmaString out = s;
        if (start && !out.startsWithAny()) out = out.prependAny();
        if (end && !out.endsWithAny()) out = out.appendAny();
        return out;
    }

    private static String plain(SigmaString s, Modifier m) {
        if (s.hasWildcards()) {
            throw new IllegalArgumentException("'" + m.sigmaName() + "' cannot encode a value with wildcards ("
                    + s + "); put contains/startswith/endswith after it");
        }
        return s.plain();
    }

    private static SigmaString utf16WithBom(SigmaString s) {
        SigmaString wide = s.mapText(t -> Encodings.utf16(t, false));
        List<SigmaString.Part> parts = new ArrayList<>(wide.parts());
        if (!parts.isEmpty() && parts.get(0) instanceof SigmaString.Text t) {
            parts.set(0, new SigmaString.Text("\u00ff\u00fe" + t.text()));
        } else {
            parts.add(0, new SigmaString.Text("\u00ff\u00fe"));
        }
        return new SigmaString(parts);
    }

    private static List<SigmaString> literals(List<String> texts) {
        List<SigmaString> out = new ArrayList<>();
        for (String t : texts) out.add(SigmaString.literal(t));
        return out;
    }
}
