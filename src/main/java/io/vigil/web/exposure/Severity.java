package io.vigil.web.exposure;

/** How bad an exposure is, worst first. */
public enum Severity {
    /** Log data (indices, documents, data views) can be read without credentials. */
    CRITICAL,
    /** The service answers without credentials but no data was readable. */
    HIGH,
    /** The service is there and asks for credentials. */
    INFO;

    public String lowerName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
