package io.vigil.event;

/** Names of the ECS fields that Vigil itself sets or relies on. */
public final class EcsFields {
    public static final String TIMESTAMP = "@timestamp";
    public static final String MESSAGE = "message";
    public static final String TAGS = "tags";
    public static final String EVENT_ORIGINAL = "event.original";
    public static final String EVENT_INGESTED = "event.ingested";
    public static final String EVENT_DATASET = "event.dataset";
    public static final String EVENT_MODULE = "event.module";
    public static final String EVENT_CODE = "event.code";
    public static final String EVENT_CATEGORY = "event.category";
    public static final String EVENT_OUTCOME = "event.outcome";
    public static final String HOST_NAME = "host.name";
    public static final String USER_NAME = "user.name";
    public static final String SOURCE_IP = "source.ip";
    public static final String ERROR_MESSAGE = "error.message";
    public static final String LOG_SOURCE_ADDRESS = "log.source.address";
    /** Vigil's index name (the `_bulk` target or the source's name), kept to answer ES-style requests. */
    public static final String VIGIL_INDEX = "vigil.index";
    /** Tag added to an event that no decoder understood; the event keeps {@code event.original}. */
    public static final String PARSE_FAILURE_TAG = "_parse_failure";

    private EcsFields() {}
}
