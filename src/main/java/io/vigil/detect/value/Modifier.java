package io.vigil.detect.value;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Every Sigma value modifier, by the names rules use (aliases included). */
public enum Modifier {
    CONTAINS("contains"), STARTSWITH("startswith"), ENDSWITH("endswith"), ALL("all"),
    BASE64("base64"), BASE64OFFSET("base64offset"),
    WIDE("wide", "utf16le"), UTF16BE("utf16be"), UTF16("utf16"),
    WINDASH("windash"),
    RE("re"), IGNORECASE("i", "ignorecase"), MULTILINE("m", "multiline"), DOTALL("s", "dotall"),
    CIDR("cidr"), EXISTS("exists"), EXPAND("expand"), FIELDREF("fieldref"),
    GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), NEQ("neq"), CASED("cased"),
    MINUTE("minute"), HOUR("hour"), DAY("day"), WEEK("week"), MONTH("month"), YEAR("year");

    private static final Map<String, Modifier> BY_NAME = new HashMap<>();

    static {
        for (Modifier m : values()) for (String n : m.names) BY_NAME.put(n, m);
    }

    private final String[] names;

    Modifier(String... names) {
        this.names = names;
    }

    /** The modifier called {@code name}, or throws naming the unknown modifier. */
    public static Modifier byName(String name) {
        Modifier m = BY_NAME.get(name.toLowerCase(Locale.ROOT));
        if (m == null) throw new IllegalArgumentException("unknown value modifier '" + name + "'");
        return m;
    }

    public boolean isTimePart() {
        return this == MINUTE || this == HOUR || this == DAY || this == WEEK || this == MONTH || this == YEAR;
    }

    public boolean isComparison() {
        return this == GT || this == GTE || this == LT || this == LTE;
    }

    public boolean isRegexFlag() {
        return this == IGNORECASE || this == MULTILINE || this == DOTALL;
    }

    public String sigmaName() {
        return names[0];
    }
}
